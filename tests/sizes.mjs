// Prints the release build's transfer sizes (raw, gzip, brotli) per kind of file, and writes
// them to target/sizes.json so that budgets can be checked against them.
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = join(root, 'dist');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const kinds = { '.html': 'HTML', '.js': 'JS', '.wasm': 'WASM', '.css': 'CSS' };
const totals = {};
for (const file of filesUnder(dist)) {
  const kind = kinds[extname(file)];
  if (!kind) continue; // profiles and other data are fetched only when asked for
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
