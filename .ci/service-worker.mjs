// Part of Trunk's post-build hook (.ci/post-build.mjs): writes into the build's sw.js (from
// public/sw.js) the files the app needs on the device, each with its SHA-256, and a version
// made from them and from the worker's own code. So any change to the build changes sw.js's
// bytes, and browsers install the new worker; and nothing lists a file by hand, so a wasm
// added or renamed is kept too.
//
// Kept: every file of the build a resident's pages load (HTML, CSS, JS, wasm, the icon).
// Not kept: the compressed copies, the worker itself, the profiles (the worker keeps the one
// in use, fresh from the network), and what is for landlords rather than residents: the
// demo pages, embed.js (on a landlord's page) and the policy check's own files.
//
// The worker keeps index.html with the headers it was served with. So after changing a file of
// the build (index.html's allowed origins, say) or the headers the server sends with the app
// (its Content-Security-Policy), run it again: node .ci/post-build.mjs dist. Run by hand, not
// by Trunk, it always writes a new version, so returning residents' browsers take the change
// at their next visit; otherwise they keep the copy they have.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const WORKER = 'sw.js';
const KEPT = new Set(['.html', '.css', '.js', '.mjs', '.wasm', '.svg', '.png', '.ico', '.woff2']);
const NOT_KEPT = [/^demo\//, /^policies\//, /^embed\.js$/, /^policy-check[._]/, /^sw\.js$/];
/** Code must be the build's to the byte: the worker installs a version only with these. */
const CHECKED = new Set(['.js', '.mjs', '.wasm']);
/** The line of sw.js this writes: `const BUILD = null;` in public/sw.js. */
const LINE = /^const BUILD = .*;$/m;

function* files(dir, root = dir) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path, root);
    else yield relative(root, path).split(sep).join('/');
  }
}

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: node .ci/service-worker.mjs <dist> (or as part of a Trunk hook)');
const worker = join(dir, WORKER);
const source = readFileSync(worker, 'utf8');
if (!LINE.test(source)) throw new Error(`${worker} has no line "const BUILD = ...;" to write`);

let build = null;
// `trunk serve` rebuilds on every change: there the worker keeps nothing, so a page is never
// an earlier build's.
if (process.env.TRUNK_PROFILE !== 'debug') {
  const kept = [...files(dir)].filter((path) => KEPT.has(extname(path)) && !NOT_KEPT.some((not) => not.test(path)));
  if (!kept.includes('index.html')) throw new Error(`${dir} has no index.html`);
  const hash = (body) => createHash('sha256').update(body);
  // Smallest first: the order a first visit keeps them in (public/sw.js, keepApp), after the
  // files its page names for the next pages, so that each is whole as soon as it can be.
  const size = (path) => statSync(join(dir, path)).size;
  kept.sort((a, b) => size(a) - size(b));
  const listed = kept.map((path) => {
    const sha = hash(readFileSync(join(dir, path))).digest('base64');
    return { path, sha, integrity: CHECKED.has(extname(path)) ? `sha256-${sha}` : '' };
  });
  const lines = [source.replace(LINE, ''), ...listed.map(({ path, sha }) => `${path} ${sha}`)];
  // A run by hand adds the time: a change of the server's headers needs a new version too.
  if (!process.env.TRUNK_STAGING_DIR) lines.push(new Date().toISOString());
  const version = hash(lines.join('\n')).digest('hex').slice(0, 16);
  build = { version, files: listed.map(({ path, integrity }) => [path, integrity]) };
}
writeFileSync(worker, source.replace(LINE, `const BUILD = ${JSON.stringify(build)};`));
