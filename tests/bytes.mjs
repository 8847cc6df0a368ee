// Where each wasm's bytes go (`make bytes`): builds the three wasm files as the release build
// does, but keeps the functions' names, and asks twiggy how big each function and each piece
// of data is. Writes docs/bytes.md (a generated file: never edit it by hand) with, for each
// wasm, its size by crate (and by module of this crate) and its largest functions.
//
// Sizes are of the optimised wasm before compression, without its names: brotli shrinks each
// part by a different ratio (text far more than code), so they show where to look, and
// docs/sizes.md shows what residents download.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedHeader, kb } from './sizes.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const WASMS = {
  'first-page': 'The start page (first-page)',
  'questions': 'The question pages (questions)',
  'resident-complaints': 'The whole app (resident-complaints)',
  'policy-check': 'The policy check (policy-check)',
};
/** How many functions each table lists. */
const TOP = 20;

const run = (command, args) => execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });

/** The bin's wasm as the release build makes it, with its names: the path. */
function buildWithNames(bin, scratch) {
  run('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown',
    '--no-default-features', '--features', 'app', '--bin', bin]);
  run('wasm-bindgen', ['--target', 'web', '--out-dir', scratch,
    join(TARGET, 'wasm32-unknown-unknown/release', `${bin}.wasm`)]);
  const named = join(scratch, `${bin}.named.wasm`);
  // As Trunk runs it (index.html's data-wasm-opt and its params), plus -g to keep the names.
  run('wasm-opt', ['-Oz', '--converge', '-g', join(scratch, `${bin}_bg.wasm`), '-o', named]);
  return named;
}

/** Every item twiggy finds: { name, bytes }, without the names section itself. */
function items(wasm) {
  const csv = run('twiggy', ['top', '-n', '10000000', '--format', 'csv', wasm]);
  return csv.trim().split('\n').slice(1).map((line) => {
    // Name,ShallowSize,...: names may hold commas and quotes.
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    const name = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
    return { name, bytes: Number(match[2]) };
  }).filter(({ name }) => !name.endsWith('names" subsection'));
}

/** Which crate an item belongs to, and for this crate which module: data segments are
 *  "data"; `<a::B as c::D>::f` belongs to a, and `<T as c::D>::f` (T generic or a primitive)
 *  to c. */
function owner(name) {
  if (name.startsWith('data segment')) return 'data (texts, tables, messages)';
  if (name.startsWith('import ')) return 'imports from JavaScript';
  // An exported async function's body is inlined where js_sys polls it (the first page's
  // start-up, `app::start_first_page`): it is this crate's code, not js_sys's.
  if (name.includes('future_to_promise::{{closure}}')) return 'this crate: an exported async fn (polled by js_sys)';
  const crateOf = (path) => path.match(/^([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1];
  const path = name.replace(/^<+&?(mut )?/, '');
  const primitive = /^(T|F|[iu](8|16|32|64|128|size)|f32|f64|bool|char|str|&str)\b/;
  const trait = path.match(/^\S+ as &?([a-z_][a-z0-9_]*)/)?.[1];
  const crate = primitive.test(path) ? trait ?? 'core' : crateOf(path);
  if (!crate) return 'other (the entry point, tables, types)';
  if (crate === 'resident_complaints') {
    const [, first, second] = path.match(/^resident_complaints::([a-z_]+)(?:::([a-z_]+))?/) ?? [];
    return ['domain', 'pages', 'components'].includes(first) && second
      ? `this crate: ${first}::${second}` : `this crate: ${first}`;
  }
  return crate;
}

/** The largest items, named for a reader: without the hash that differs from build to build,
 *  and as code in a table cell. */
function largest(all) {
  return [...all].sort((a, b) => b.bytes - a.bytes).slice(0, TOP).map(({ name, bytes }) => ({
    name: `\`${name.replace(/::h[0-9a-f]{16}$/, '').replaceAll('|', '\\|').slice(0, 140)}\``,
    bytes,
  }));
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'bytes-'));
  const doc = [
    ...generatedHeader(ROOT, '`make bytes` (`node tests/bytes.mjs`)', 'Where the bytes go'),
    'Each wasm as the release build optimises it, before compression, measured by',
    '[twiggy](https://github.com/AlexEne/twiggy) with the functions\' names kept. Brotli shrinks',
    'text far more than code, so these show where to look; [sizes.md](sizes.md) shows what',
    'residents download. What has been cut, and what each cut saved: [performance.md](performance.md).',
    '',
  ];
  for (const [bin, title] of Object.entries(WASMS)) {
    console.log(`measuring ${bin}`);
    const all = items(buildWithNames(bin, scratch));
    const total = all.reduce((sum, { bytes }) => sum + bytes, 0);
    const byOwner = new Map();
    for (const { name, bytes } of all) byOwner.set(owner(name), (byOwner.get(owner(name)) ?? 0) + bytes);
    const share = (bytes) => `${((100 * bytes) / total).toFixed(1)}%`;
    const owners = [...byOwner].sort((a, b) => b[1] - a[1]);
    const shown = owners.filter(([, bytes]) => bytes >= total / 200);
    const rest = owners.slice(shown.length).reduce((sum, [, bytes]) => sum + bytes, 0);
    doc.push(`## ${title}`, '', `${kb(total)} in all, before compression.`, '',
      ...table(['crate, or module of this crate', 'size', 'share'], [
        ...shown.map(([name, bytes]) => [name, kb(bytes), share(bytes)]),
        [`the rest (${owners.length - shown.length} crates and modules, each under 0.5%)`, kb(rest), share(rest)],
      ]), '',
      `Its ${TOP} largest functions and pieces of data:`, '',
      ...table(['function or data', 'size', 'share'], largest(all).map(({ name, bytes }) => [name, kb(bytes), share(bytes)])),
      '');
  }
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs', 'bytes.md'), `${doc.join('\n')}\n`);
  console.log('Written to docs/bytes.md');
}

main();
