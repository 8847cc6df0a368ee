// Part of Trunk's post-build hook (.ci/post-build.mjs), first: minifies the release build's
// JavaScript (app.js and the wasm-bindgen modules) with terser, and its CSS with csso. Trunk's
// own minifier cannot read wasm-bindgen's modules, and does not touch copied files. Comments
// and whitespace are most of these files' size; a resident on a slow signal downloads each
// before the first page shows (docs/performance.md has what it saved).
//
// index.html is not minified: a deployment edits it (its allowed origins, its contacts without
// JavaScript), and its comments explain how. Only its stylesheet's integrity changes with
// the CSS. Running it again on a minified build changes nothing that matters.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The tools are installed in .ci/tools (`.ci/setup.sh`), not beside this file.
const require = createRequire(new URL('./tools/package.json', import.meta.url));
const { minify } = require('terser');
const csso = require('csso');

/** Not the service worker, which service-worker.mjs writes into next; nor embed.js, which a
 *  landlord may read before putting it on their page. */
const LEFT = new Set(['sw.js', 'embed.js']);

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: node .ci/minify.mjs <dist> (or as part of a Trunk hook)');

// `trunk serve` rebuilds on every change: a development build keeps its readable code.
if (process.env.TRUNK_PROFILE !== 'debug') {
  for (const name of readdirSync(dir).filter((name) => name.endsWith('.js') && !LEFT.has(name))) {
    const path = join(dir, name);
    const { code } = await minify(readFileSync(path, 'utf8'), {
      module: true,
      compress: { passes: 2 },
      format: { comments: false },
    });
    writeFileSync(path, code);
  }

  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  for (const name of readdirSync(dir).filter((name) => name.endsWith('.css'))) {
    const path = join(dir, name);
    const css = csso.minify(readFileSync(path, 'utf8')).css;
    writeFileSync(path, css);
    // Trunk gave the stylesheet's link the integrity of the CSS before it was minified.
    const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    html = html.replace(/<link [^>]*>/g, (tag) => (tag.includes(`href="./${name}"`)
      ? tag.replace(/integrity="[^"]*"/, `integrity="${integrity}"`)
      : tag));
  }
  writeFileSync(index, html);
}
