// Prints the transfer sizes (raw, gzip, brotli) of the release build's first page per kind of
// file, writes them to target/sizes.json, and fails when the first page is over its budget.
//
// The first page is index.html and what it loads: the stylesheet, app.js, the first page's
// wasm-bindgen module with its wasm, and the default policy profile. The whole app (every other
// page) is fetched in the background once the start page shows, so it is listed, not budgeted;
// so is the policy check, which only landlords' web teams load.
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Issue 6: the whole first page, HTML + JS + WASM + CSS (+ the profile), in brotli. */
const BUDGET_BROTLI = 150 * 1024;

/** The kinds of file the tables report, by extension. */
export const KINDS = { '.html': 'HTML', '.js': 'JS', '.mjs': 'JS', '.wasm': 'WASM', '.css': 'CSS', '.json': 'Profile' };

/** A file's size raw, in gzip (level 9) and in brotli (quality 11). */
export function measure(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/** Adds sizes `s` into `total`. */
export function add(total, s) {
  for (const key of ['raw', 'gzip', 'brotli']) total[key] = (total[key] ?? 0) + s[key];
  return total;
}

function main() {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const dist = join(root, 'dist');

  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const loaded = [...new Set([...index.matchAll(/(?:href|src)="\.\/([^"]+)"/g)].map((m) => m[1]))];
  // What app.js starts on the start page: the first page's module and its wasm.
  const firstPageApp = ['first-page.js', 'first-page_bg.wasm'];
  const missing = firstPageApp.filter((f) => !existsSync(join(dist, f)));
  if (missing.length > 0) throw new Error(`no ${missing.join(', ')} in ${dist}: build the app first`);
  const firstPage = [...new Set(['index.html', ...loaded, ...firstPageApp, 'policies/hos-code-2024.json'])];
  const whole = ['resident-complaints.js', 'resident-complaints_bg.wasm'];
  const policyCheck = ['policy-check.js', 'policy-check_bg.wasm'];

  const sizes = (file) => measure(join(dist, file));

  const rows = {};
  for (const file of firstPage) add((rows[KINDS[extname(file)]] ??= {}), sizes(file));
  rows['First page'] = Object.values(rows).reduce((total, row) => add(total, row), {});
  rows['Whole app (after)'] = whole.map(sizes).reduce(add, {});
  rows['Policy check'] = policyCheck.map(sizes).reduce(add, {});

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('\nRelease build sizes\n');
  console.log(`${'file'.padEnd(18)}${'raw'.padStart(12)}${'gzip'.padStart(12)}${'brotli'.padStart(12)}`);
  for (const [kind, s] of Object.entries(rows)) {
    console.log(`${kind.padEnd(18)}${kb(s.raw).padStart(12)}${kb(s.gzip).padStart(12)}${kb(s.brotli).padStart(12)}`);
  }
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'sizes.json'), `${JSON.stringify({ files: firstPage, ...rows }, null, 2)}\n`);
  console.log('\nWritten to target/sizes.json');

  const over = rows['First page'].brotli - BUDGET_BROTLI;
  if (over > 0) {
    console.error(`\nThe first page is ${kb(rows['First page'].brotli)} in brotli, ${kb(over)} over its budget of ${kb(BUDGET_BROTLI)}.`);
    process.exit(1);
  }
  console.log(`The first page is within its budget of ${kb(BUDGET_BROTLI)} brotli.`);
}

// Run as a script (`make sizes`), not when imported by the benchmark.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();
