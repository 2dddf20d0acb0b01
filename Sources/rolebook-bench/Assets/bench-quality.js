/* Search quality: runs the site's real client (assets/search.js) under Node against a built
   site, loading index files with vm instead of <script> tags. argv: site folder; stdin: JSON
   list of queries; stdout: JSON {query: [result URL, ...]}, every result, best first. */
'use strict';
const fs = require('fs'), vm = require('vm'), path = require('path');
const site = process.argv[2];
const context = vm.createContext({ console });
const run = p => vm.runInContext(fs.readFileSync(path.join(site, p), 'utf8'), context, { filename: p });
run('search/meta.js');
run('assets/search.js');
const rb = context.rbSearch;
rb.loadScript = p => { try { run(p); return Promise.resolve(true); } catch (e) { return Promise.resolve(false); } };
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, 'utf8')), out = {};
  for (const q of queries) {
    const r = await rb.search(q), urls = [];
    for (const h of r.hits) urls.push((await rb.fragment(h.d)).url);
    out[q] = urls;
  }
  process.stdout.write(JSON.stringify(out));
})();
