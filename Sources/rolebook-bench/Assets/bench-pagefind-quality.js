/* Search quality of Pagefind on the same site: runs Pagefind's own search API (pagefind.js and
   its WebAssembly) under Node, reading the index files from disk through a fetch() that the
   browser would send to a server. Written to a .mjs file by rolebook-bench (top-level await,
   dynamic import). argv: the site folder (with pagefind/ inside); stdin: JSON list of queries;
   stdout: JSON {query: {urls}}: every result's site-relative URL, best first. */
import fs from 'fs';
import path from 'path';
import { pathToFileURL, fileURLToPath } from 'url';

const site = path.resolve(process.argv[2]);
globalThis.fetch = async (input) => {
  const u = String(input && input.url ? input.url : input).split('?')[0];
  const file = u.startsWith('file:') ? fileURLToPath(u) : path.join(site, u);
  return new Response(fs.readFileSync(file), { status: 200, headers: { 'content-type': file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream' } });
};
const pagefind = await import(pathToFileURL(path.join(site, 'pagefind/pagefind.js')).href);
await pagefind.options({ basePath: pathToFileURL(path.join(site, 'pagefind')).href + '/' });
await pagefind.init();
const queries = JSON.parse(fs.readFileSync(0, 'utf8')), out = {};
/* Result URLs come back as the base path's URL plus the page: keep what follows the site folder. */
const prefix = site.replace(/\/$/, '') + '/';
for (const q of queries) {
  const s = await pagefind.search(q), urls = [];
  for (const r of s.results) {
    const url = (await r.data()).url, at = url.indexOf(prefix);
    urls.push(at >= 0 ? url.slice(at + prefix.length) : url.replace(/^\//, ''));
  }
  out[q] = { urls: urls };
}
process.stdout.write(JSON.stringify(out));
