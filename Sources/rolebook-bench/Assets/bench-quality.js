/* Search quality: runs the site's real client (assets/search.js) under Node against a built
   site, loading index files with vm instead of <script> tags. argv: site folder; stdin: JSON
   list of queries; stdout: JSON {query: {urls, ms, bytes}}: every result URL, best first; the
   time of the same query again once its files are loaded; and the bytes a first query in a
   fresh client reads for the top ten results (search.js, meta.js, fold.js, shards, fragments),
   what the browser benchmark counts as transfer. */
'use strict';
const fs = require('fs'), vm = require('vm'), path = require('path');
const site = process.argv[2];
function fresh() {
  const context = vm.createContext({ console });
  const loads = [];
  const run = p => { loads.push(p); vm.runInContext(fs.readFileSync(path.join(site, p), 'utf8'), context, { filename: p }); };
  run('search/meta.js');
  run('assets/search.js');
  const rb = context.rbSearch;
  rb.loadScript = p => { try { run(p); return Promise.resolve(true); } catch (e) { return Promise.resolve(false); } };
  return { rb, loads };
}
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, 'utf8')), out = {};
  for (const q of queries) {
    const first = fresh();
    const top = await first.rb.search(q);
    for (const h of top.hits.slice(0, 10)) await first.rb.fragment(h.d);
    // The search page loads fold.js with the page: counted for every query, as in the browser.
    const files = new Set(first.loads.concat(['search/fold.js']));
    let bytes = 0;
    for (const p of files) bytes += fs.statSync(path.join(site, p)).size;
    const { rb } = fresh();
    const r = await rb.search(q), urls = [];
    for (const h of r.hits) urls.push((await rb.fragment(h.d)).url);
    const start = process.hrtime.bigint();
    await rb.search(q);
    out[q] = { urls: urls, ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: bytes };
  }
  process.stdout.write(JSON.stringify(out));
})();
