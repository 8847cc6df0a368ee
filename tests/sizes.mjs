// Prints the transfer sizes (raw, gzip, brotli) of the release build's first page per kind of
// file, and writes them to target/sizes.json so that budgets can be checked against them.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = join(root, 'dist');

// The first page: index.html and what it loads (stylesheet, app.js, the wasm-bindgen module and
// the wasm, all named in it). Demo pages, embed.js and profiles are fetched only when asked for.
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const loaded = [...index.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]);
const firstPageFiles = ['index.html', ...new Set(loaded)].map((name) => join(dist, name));

const kinds = { '.html': 'HTML', '.js': 'JS', '.wasm': 'WASM', '.css': 'CSS' };
const totals = {};
for (const file of firstPageFiles) {
  const kind = kinds[extname(file)];
  const body = readFileSync(file);
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
  const total = (totals[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
  for (const key of Object.keys(sizes)) total[key] += sizes[key];
}
if (!totals.WASM) throw new Error(`no .wasm file in ${dist}: build the app first`);

const firstPage = { raw: 0, gzip: 0, brotli: 0 };
for (const total of Object.values(totals)) for (const key of Object.keys(firstPage)) firstPage[key] += total[key];
const rows = { ...totals, 'First page': firstPage };

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('\nRelease build sizes\n');
console.log(`${'file'.padEnd(12)}${'raw'.padStart(12)}${'gzip'.padStart(12)}${'brotli'.padStart(12)}`);
for (const [kind, s] of Object.entries(rows)) {
  console.log(`${kind.padEnd(12)}${kb(s.raw).padStart(12)}${kb(s.gzip).padStart(12)}${kb(s.brotli).padStart(12)}`);
}
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'sizes.json'), JSON.stringify(rows, null, 2) + '\n');
console.log('\nWritten to target/sizes.json');
