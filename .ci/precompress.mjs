// Part of Trunk's post-build hook (.ci/post-build.mjs): beside each file a browser fetches from
// a release build, a brotli (.br, quality 11) and a gzip (.gz, level 9) copy, for servers that
// send precompressed files (nginx's brotli_static and gzip_static, Caddy's `precompressed`, most
// static hosts). The smallest files, compressed once at build time rather than on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Not HTML: a deployment edits index.html (its allowed origins), which would leave a stale copy.
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.yaml', '.txt']);
// Nor the service worker (sw.js), which service-worker.mjs rewrites whenever the build changes:
// a stale copy would keep residents on an old version. It is small, and fetched only to check
// for a new version.
const UNCOMPRESSED = new Set(['sw.js']);

function* files(dir, root = dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path, root);
    else if (COMPRESSIBLE.has(extname(path)) && !(dir === root && UNCOMPRESSED.has(entry))) yield path;
  }
}

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: node .ci/precompress.mjs <dist> (or as part of a Trunk hook)');
// `trunk serve` rebuilds on every change: a development build is not worth the wait.
if (process.env.TRUNK_PROFILE !== 'debug') {
  for (const path of files(dir)) {
    const body = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  }
}
