// Shared by the browser tests: serves the Trunk-built app from dist/ on loopback, starts
// Debian's Chromium through playwright-core, and checks pages with axe-core.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const DIST = resolve(fileURLToPath(import.meta.url), '../../../dist');

/** Where tests save screenshots, for a person to review (not committed). */
export const SHOTS = new URL('./test-results/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.mjs': 'text/javascript; charset=utf-8',
};

/** Serves `root` on 127.0.0.1 at a free port, as a landlord's host would: unknown paths
 *  without an extension get index.html (a single-page app's fallback). Options: `prefix`
 *  serves the app under a sub-path (`/complaints/app`), `csp` is sent as the
 *  Content-Security-Policy header of every response, `files` maps paths to extra content
 *  (a landlord's own profile, say) served with it, and `compress` answers in brotli when the
 *  browser accepts it, as a production host would. Resolves to { url, allow, close }, where
 *  `url` includes the prefix and `allow(origin)` adds an origin to the deployment's
 *  allowed-origins list in index.html (as a landlord would, for an endpoint elsewhere). */
export async function serveDist(root = DIST, { prefix = '', csp, files = {}, compress = false } = {}) {
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`${root}/index.html is missing: build the app first (trunk build index.html --release)`);
  }
  const allowed = new Set();
  const compressed = new Map();
  // The build's precompressed copy where there is one (.ci/precompress.mjs), as a server with
  // brotli_static would send; index.html changes with `allow`, so it is compressed each time.
  const brotli = (file, body) => {
    const squeeze = () => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
    if (file.endsWith('index.html')) return squeeze();
    if (!compressed.has(file)) {
      compressed.set(file, existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : squeeze());
    }
    return compressed.get(file);
  };
  const server = createServer(async (req, res) => {
    const headers = csp ? { 'Content-Security-Policy': csp } : {};
    const requested = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Chromium asks for a favicon when it shows a non-HTML file (the tests do, to write to
    // localStorage on the app's origin); the app itself declares none.
    if (requested === '/favicon.ico') return res.writeHead(204, headers).end();
    if (!requested.startsWith(`${prefix}/`)) return res.writeHead(404, headers).end('Not found');
    const path = normalize(requested.slice(prefix.length));
    if (path in files) {
      return res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] }).end(files[path]);
    }
    let file = join(root, path);
    if (!file.startsWith(root)) return res.writeHead(403, headers).end();
    if (path.endsWith('/') || !extname(path)) file = join(root, 'index.html');
    try {
      let body = await readFile(file);
      if (file === join(root, 'index.html')) {
        body = body.toString().replace(
          '<meta name="resident-complaints:allowed-origins" content="">',
          `<meta name="resident-complaints:allowed-origins" content="${[...allowed].join(' ')}">`,
        );
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '') && !/image|font/.test(type)) {
        body = brotli(file, body);
        Object.assign(headers, { 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
      }
      res.writeHead(200, { ...headers, 'Content-Type': type });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, allow: (origin) => allowed.add(origin), close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A page in a UK phone-sized context. It records console errors, uncaught exceptions and
 *  every request to a host other than the app's, so tests can assert there were none. */
export async function openPage(browser, { now } = {}) {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 375, height: 740 },
  });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !req.url().startsWith('data:')) {
      page.problems.push(`third-party request: ${req.url()}`);
    }
  });
  if (now) await page.clock.setFixedTime(now);
  return page;
}

/** Asserts that axe-core finds no WCAG 2.x A/AA (or best-practice) violations on the page. */
export async function assertAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  assert.deepEqual(summary, [], `axe-core violations on ${page.url()}`);
}

/** The milestone dates shown on the page, as { id: 'YYYY-MM-DD' }, with the readable text. */
export async function shownMilestones(page) {
  return page.$$eval('[data-milestone]', (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const time = row.querySelector('time');
        return [row.dataset.milestone, { date: time.getAttribute('datetime'), text: time.textContent }];
      }),
    ),
  );
}

/** A free port on loopback. */
export async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

const RECEIVER = resolve(DIST, '..', process.env.CARGO_TARGET_DIR ?? 'target', 'debug/examples/receiver');

/** Starts the reference receiver (built by `cargo test`) on `port` with `db`; `args` adds
 *  fault flags. Resolves to { url, stop }. */
export async function startReceiver({ port, db, args = [], allowOrigin }) {
  const { spawn } = await import('node:child_process');
  const child = spawn(RECEIVER, ['--addr', `127.0.0.1:${port}`, '--db', db, '--allow-origin', allowOrigin, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('listening')) ok();
    });
    child.on('exit', (code) => fail(new Error(`receiver exited with ${code}; is it built? (cargo test builds it)`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGKILL'); }),
  };
}

/** A complete set of answers under the default profile, as the app saves them on the device. */
export function completeDraft(overrides = {}) {
  return {
    version: 1,
    policy_id: 'hos-code-2024',
    last_page: 'check-answers',
    danger: 'no',
    complainant: 'myself',
    connection: 'tenant',
    kind: 'complaint',
    asb: 'no',
    told_before: 'yes',
    after_report: 'not-fixed',
    other_process: 'none',
    prior_complaint: 'no',
    issue_date: { day: '1', month: '10', year: '2026' },
    responsibility: 'landlord',
    category: 'damp-and-mould',
    description: 'Black mould has spread across the bedroom wall since August.',
    place: 'home',
    impact: 'My daughter’s asthma 😷 is worse. הלחות גרועה',
    outcome_wanted: 'Treat the mould and fix the extractor fan.',
    name: 'Zoë 👩🏽‍🦱 O’Brien',
    contact_method: 'email',
    email: 'zoe@example.org',
    ...overrides,
  };
}

/** Opens `path` of the app at `appUrl` on a new device with `answers` saved on it; the page
 *  records uncaught exceptions in `page.problems`. */
export async function openWithDraft(browser, appUrl, answers, path) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  // Written from a page of the same origin that is not the app, so the app cannot overwrite it.
  await page.goto(`${appUrl}/policies/${answers.policy_id}.json`);
  await page.evaluate(
    (d) => localStorage.setItem(`resident-complaints/draft/${d.policy_id}`, JSON.stringify(d)),
    answers,
  );
  await page.goto(appUrl + path);
  await page.locator('h1').waitFor();
  return page;
}
