// Shared by the browser tests: serves the Trunk-built app from dist/ on loopback, starts
// Debian's Chromium through playwright-core, and checks pages with axe-core.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { after, before } from 'node:test';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
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
 *  (a landlord's own profile, say) served with it, `hostPages` maps a path prefix to a
 *  landlord's page served at it and every page address under it (the host's own fallback,
 *  for the app mounted there; `hostCsp` is its Content-Security-Policy), and `compress`
 *  answers in brotli when the
 *  browser accepts it, as a production host would; `delay(path)` is how many ms a file's
 *  answer waits (a weak signal). Resolves to { url, allow, close, requests },
 *  where `url` includes the prefix, `allow(origin)` adds an origin to the deployment's
 *  allowed-origins list in index.html (as a landlord would, for an endpoint elsewhere), and
 *  `requests` lists every request the server was asked, as 'GET /path'. */
export async function serveDist(root = DIST, { prefix = '', csp, files = {}, hostPages = {}, hostCsp, compress = false, delay = () => 0 } = {}) {
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new Error(`${root}/index.html is missing: build the app first (trunk build index.html --release)`);
  }
  const allowed = new Set();
  const compressed = new Map();
  const requests = [];
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
    requests.push(`${req.method} ${requested}`);
    // Chromium asks for a favicon when it shows a non-HTML file (the tests do, to write to
    // localStorage on the app's origin); the app's own pages declare favicon.svg.
    if (requested === '/favicon.ico') return res.writeHead(204, headers).end();
    if (!requested.startsWith(`${prefix}/`)) return res.writeHead(404, headers).end('Not found');
    const path = normalize(requested.slice(prefix.length));
    if (path in files) {
      return res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] }).end(files[path]);
    }
    const host = Object.keys(hostPages).find((under) => path === under || (path.startsWith(under) && !extname(path)));
    if (host) {
      const policy = hostCsp ? { 'Content-Security-Policy': hostCsp(host) } : {};
      return res.writeHead(200, { ...headers, ...policy, 'Content-Type': TYPES['.html'] }).end(hostPages[host]);
    }
    let file = join(root, path);
    if (!file.startsWith(root)) return res.writeHead(403, headers).end();
    // A weak signal for some files: the answer starts `delay(path)` ms late.
    await new Promise((later) => setTimeout(later, delay(path)));
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
  return { url, allow: (origin) => allowed.add(origin), close: () => new Promise((ok) => server.close(ok)), requests };
}

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs, and
 *  `args`. */
export function launchBrowser(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args,
    ],
  });
}

/** A new device: a browser context in English in London; `options` adds to it or changes it
 *  (another locale, a viewport, saved storage). */
export function newDevice(browser, options = {}) {
  return browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...options });
}

/** Records in `page.problems` what no test expects: uncaught exceptions, and unless
 *  `uncaughtOnly`, console errors and every request to a host other than the app's, so tests
 *  can assert there were none. Returns the page. */
export function recordProblems(page, { uncaughtOnly = false } = {}) {
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  if (uncaughtOnly) return page;
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !req.url().startsWith('data:')) {
      page.problems.push(`third-party request: ${req.url()}`);
    }
  });
  return page;
}

/** A page in a UK phone-sized context, recording its problems (`recordProblems`), with its
 *  clock fixed at `now` if given. */
export async function openPage(browser, { now } = {}) {
  const context = await newDevice(browser, { viewport: { width: 375, height: 740 } });
  const page = recordProblems(await context.newPage());
  if (now) await page.clock.setFixedTime(now);
  return page;
}

/** Goes to `url` and waits for the page's heading. */
export async function visit(page, url) {
  await page.goto(url);
  await page.locator('h1').waitFor();
}

/** Asserts that axe-core finds no WCAG 2.x A/AA (or best-practice) violations on the page,
 *  but for the rules `except` names (each caller says why). */
export async function assertAccessible(page, { except = [] } = {}) {
  const results = await new AxeBuilder({ page }).disableRules(except).analyze();
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

const RECEIVER = resolve(DIST, '..', process.env.CARGO_TARGET_DIR ?? 'target', 'debug/receiver');

/** The staff token the test receivers are started with: it reads whole submissions. */
export const STAFF_TOKEN = randomBytes(32).toString('hex');

/** The browser tests send more than any resident would, all from loopback. */
const UNLIMITED = ['post-burst', 'posts-per-minute', 'read-burst', 'reads-per-minute']
  .flatMap((flag) => [`--${flag}`, '100000']);

/** A new, empty database for the receiver, in a folder of its own. */
export const scratchDb = () => join(mkdtempSync(join(tmpdir(), 'receiver-')), 'submissions.sqlite');

/** Starts the reference receiver (built by `cargo build --bin receiver`, or `cargo test`) for
 *  the served `app`, on `port` (a free one unless given) with `db` (a new one unless given),
 *  the rate limits raised and `STAFF_TOKEN`; `args` adds fault flags. The receiver is on
 *  another origin, so the app's deployment lists it, as a landlord's would.
 *  Resolves to { url, endpoint, db, stop }, where `endpoint` is where the app sends to. */
export async function startReceiver(app, { port, db = scratchDb(), args = [] } = {}) {
  port ??= await freePort();
  const tokenFile = join(dirname(db), 'staff-token');
  writeFileSync(tokenFile, STAFF_TOKEN, { mode: 0o600 });
  const flags = ['--addr', `127.0.0.1:${port}`, '--db', db, '--allow-origin', app.url,
    '--staff-token-file', tokenFile, ...UNLIMITED, ...args];
  const child = spawn(RECEIVER, flags, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes('listening')) ok();
    });
    child.on('exit', (code) => fail(new Error(`receiver exited with ${code}; is it built? (cargo build --bin receiver)`)));
    child.on('error', (error) => fail(new Error(`${RECEIVER} did not start (${error.code}): build it (cargo build --bin receiver), with CARGO_TARGET_DIR if you set one`)));
  });
  const url = `http://127.0.0.1:${port}`;
  app.allow(url);
  return {
    url,
    endpoint: `${url}/v1/submissions`,
    db,
    stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGKILL'); }),
  };
}

/** Waits for the confirmation page (up to `timeout` ms) and reads the reference it shows. */
export async function referenceOf(page, timeout = 60000) {
  await page.waitForURL(/\/confirmation/, { timeout });
  return (await page.locator('[data-reference]').textContent()).trim();
}

/** What the receiver at `url` stored under `reference`, as staff read it: { submission,
 *  dates_match, status, … }. */
export async function stored(url, reference) {
  const response = await fetch(`${url}/v1/submissions/${reference}`, {
    headers: { Authorization: `Bearer ${STAFF_TOKEN}` },
  });
  assert.equal(response.status, 200, `GET ${reference}`);
  return response.json();
}

/** What the receiver at `url` answers to `GET /v1/submissions/{reference}/status` with `token`
 *  as the bearer (no Authorization header if `token` is undefined): { code, text, body }, where
 *  `text` is the body as sent and `body` the parsed JSON. */
export async function statusOf(url, reference, token) {
  const headers = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const response = await fetch(`${url}/v1/submissions/${encodeURIComponent(reference)}/status`, { headers });
  return answer(response);
}

/** Records `event` ({ status, date, until? }) on `reference` at the receiver `url`, as staff
 *  (or with `token`): { code, text, body }; a 201's body is the new status. */
export async function recordEvent(url, reference, event, token = STAFF_TOKEN) {
  const response = await fetch(`${url}/v1/submissions/${encodeURIComponent(reference)}/events`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(event),
  });
  return answer(response);
}

/** A response as { code, text, body }: its status, its body as text and as JSON (or null). */
async function answer(response) {
  const text = await response.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: `text` says what it was.
  }
  return { code: response.status, text, body };
}

/** How many submissions the receiver's database `db` holds (read with Python's sqlite3). */
export function storedCount(db) {
  const script = 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from submissions").fetchone()[0])';
  return Number(execFileSync('python3', ['-c', script, db]).toString().trim());
}

/** Confirms the answers are true and presses Send complaint, on the check-answers page. */
export async function pressSend(page, button = 'Send complaint') {
  await page.getByLabel('I confirm that what I have told them is true, as far as I know').check();
  await page.getByRole('button', { name: button }).click();
}

/** For a test file: the built app served from dist/ (`serveDist` with `options`) and a
 *  browser, and with `receiver`, the real reference receiver on another origin
 *  (`startReceiver`). Started before the file's tests and stopped after; the returned object
 *  holds `app`, `browser` and `receiver` once they run. */
export function useApp({ receiver = false, ...options } = {}) {
  const env = {};
  before(async () => {
    env.app = await serveDist(DIST, options);
    env.browser = await launchBrowser();
    if (receiver) env.receiver = await startReceiver(env.app);
  });
  after(async () => {
    await env.receiver?.stop();
    await env.browser?.close();
    await env.app?.close();
  });
  return env;
}

/** A complete set of answers under the default profile, as the app saves them on the device. */
export function completeDraft(overrides = {}) {
  return {
    version: 2,
    policy_id: 'hos-code-2024',
    last_page: 'check-answers',
    danger: 'no',
    hazard: 'none',
    complainant: 'myself',
    connection: 'tenant',
    kind: 'complaint',
    asb: 'no',
    matter: 'repair',
    told_before: 'yes',
    after_report: 'not-fixed',
    other_process: 'none',
    prior_complaint: 'no',
    issue_date: { day: '1', month: '10', year: '2026' },
    ongoing: 'yes',
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

/** Where the app keeps things on the device, in localStorage (src/storage.rs). */
export const STORED = {
  draft: (policyId) => `resident-complaints/draft/${policyId}`,
  outbox: 'resident-complaints/outbox',
  tracked: 'resident-complaints/tracked',
  /** Where earlier versions kept the last submission, with what the resident wrote. */
  oldSent: (policyId) => `resident-complaints/sent/${policyId}`,
};

/** Every key and value the app keeps in the device's localStorage, as { key: value }. */
export const everythingStored = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).filter((key) => key.startsWith('resident-complaints/'))
    .map((key) => [key, localStorage.getItem(key)]),
));

/** Saves `value` (a string) as `policyId`'s draft on the device of `page`, then opens `path`
 *  of the app at `appUrl` and waits for its heading. */
export async function openWithSaved(page, appUrl, policyId, value, path) {
  // Written from a page of the same origin that is not the app, so the app cannot overwrite it.
  await page.goto(`${appUrl}/policies/${policyId}.json`);
  await page.evaluate(([key, saved]) => localStorage.setItem(key, saved), [STORED.draft(policyId), value]);
  await visit(page, appUrl + path);
  return page;
}

/** Opens `path` of the app at `appUrl` on a new device with `answers` saved on it; the page
 *  records uncaught exceptions in `page.problems`. */
export async function openWithDraft(browser, appUrl, answers, path) {
  const page = recordProblems(await (await newDevice(browser)).newPage(), { uncaughtOnly: true });
  return openWithSaved(page, appUrl, answers.policy_id, JSON.stringify(answers), path);
}

// The resident's journey by keyboard alone (Tab, Space, Enter, arrow keys; no clicks) on a
// 360 × 740 phone, each page checked as it is passed. Shared by journey.test.mjs and
// triage.test.mjs.

/** Wednesday 23 December 2026, 10:00 in London: the browser tests' fixed clock. Christmas
 *  Day, the Boxing Day substitute (Monday 28) and New Year's Day fall inside every clock. */
export const CHRISTMAS = new Date('2026-12-23T10:00:00Z');

export const pathOf = (page) => new URL(page.url()).pathname;

/** Opens `url` on a 360 × 740 phone whose clock is `now` (or in `context`, a device of the
 *  test's own, with its real clock) and waits for the page's heading. */
export async function openPhone(browser, url, { now = CHRISTMAS, context } = {}) {
  const page = context ? await context.newPage() : await openPage(browser, { now });
  await page.setViewportSize({ width: 360, height: 740 });
  await visit(page, url);
  return page;
}

/** Presses Tab until `locator`'s element has focus. */
export async function tabTo(page, locator, most = 80) {
  const target = await locator.elementHandle();
  for (let i = 0; i < most; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => document.activeElement === el, target)) return;
  }
  throw new Error(`Tab never reached ${locator}`);
}

/** Chooses a radio by keyboard: Tab into its group, arrow keys to it, Space to select. */
export async function chooseRadio(page, label) {
  const radio = page.getByRole('radio', { name: label, exact: true });
  const name = await radio.getAttribute('name');
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => document.activeElement?.name === n, name)) break;
  }
  const target = await radio.elementHandle();
  for (let i = 0; i < 12 && !(await page.evaluate((el) => document.activeElement === el, target)); i += 1) {
    await page.keyboard.press('ArrowDown');
  }
  if (!(await radio.isChecked())) await page.keyboard.press('Space');
  assert.ok(await radio.isChecked(), `${label} is selected`);
}

export async function typeInto(page, label, text) {
  await tabTo(page, page.getByLabel(label, { exact: true }));
  await page.keyboard.insertText(text);
}

/** Types a date into the Day, Month and Year boxes: `date` is 'D M YYYY'. */
export async function typeDate(page, date) {
  const [day, month, year] = date.split(' ');
  await typeInto(page, 'Day', day);
  await typeInto(page, 'Month', month);
  await typeInto(page, 'Year', year);
}

/** Tabs to `locator`'s element and presses Enter on it. */
export async function press(page, locator) {
  await tabTo(page, locator);
  await page.keyboard.press('Enter');
}

/** Presses `locator`'s element by keyboard and waits for the page whose address matches `url`
 *  (by default, any other page). */
export async function follow(page, locator, url) {
  const before = pathOf(page);
  await press(page, locator);
  await (url ? page.waitForURL(url) : page.waitForFunction((p) => location.pathname !== p, before));
  await arrived(page);
}

/** Checks the page (axe, width, screenshot), then presses Continue (or `button`) and waits for
 *  the next page. */
export async function next(page, button = 'Continue') {
  await checkPage(page);
  await follow(page, page.getByRole('button', { name: button, exact: true }));
}

/** Follows the Back link by keyboard to the page before. */
export async function back(page) {
  await follow(page, page.locator('a.back-link'));
}

/** Presses Continue by keyboard where the page's answers are missing or wrong, and waits for
 *  the error summary. */
export async function continueWithErrors(page) {
  await press(page, page.getByRole('button', { name: 'Continue', exact: true }));
  await page.locator('.error-summary').waitFor();
}

/** Waits for a new page: focus moves to its heading, so a screen reader announces it. */
export async function arrived(page) {
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: 5000 })
    .catch(() => assert.fail(`focus did not move to the heading of ${pathOf(page)}`));
}

const seen = new Set();
/** Which page asks for each field, across every journey of the test file. */
const askedOn = new Map();
/** axe-core, the title, no field asked twice, touch targets, no sideways scrolling at 320 px
 *  or at 400% zoom, and a screenshot at 360 px. */
export async function checkPage(page, suffix = '') {
  await assertAccessible(page);
  const name = (pathOf(page).slice(1) || 'start') + suffix;
  if (!seen.has(name)) {
    seen.add(name);
    await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  }
  // The title names the page, and says "Error: " first when the page shows errors.
  const { title, errors } = await page.evaluate(() => ({
    title: document.title, errors: document.querySelector('.error-summary') !== null,
  }));
  assert.equal(title.startsWith('Error: '), errors, `title of ${pathOf(page)}: ${title}`);
  assert.match(title, / – Complain to /);
  // No answer is asked twice: each field belongs to one page of the complaint's journey. (The
  // review page, for a complaint already made, asks for contact details of its own.)
  if (pathOf(page) !== '/review') {
    for (const field of await page.$$eval('input, textarea, select', (fields) => [...new Set(fields.map((f) => f.name))])) {
      const asked = askedOn.get(field) ?? pathOf(page);
      assert.equal(asked, pathOf(page), `${field} is asked on ${asked} and again on ${pathOf(page)}`);
      askedOn.set(field, asked);
    }
  }
  // WCAG 2.5.8: every control at least 24 × 24 CSS px; links inside a sentence are exempt.
  const small = await page.$$eval('a, button, input:not([type=hidden]), select, textarea, summary', (controls) =>
    controls
      .filter((c) => c.getClientRects().length > 0 && getComputedStyle(c).display !== 'inline')
      .map((c) => [c, c.getBoundingClientRect()])
      .filter(([, r]) => r.width < 24 || r.height < 24)
      .map(([c, r]) => `${c.outerHTML.slice(0, 80)} is ${Math.round(r.width)} × ${Math.round(r.height)}`));
  assert.deepEqual(small, [], `touch targets on ${pathOf(page)}`);
  // 320 CSS px wide: a small phone, and a 1280 × 720 screen at 400% zoom.
  for (const [width, height] of [[320, 740], [320, 180]]) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${pathOf(page)} scrolls sideways at ${width} × ${height}`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** Checks the start page and presses Start now, to the first question. */
export async function start(page) {
  await checkPage(page);
  await follow(page, page.getByRole('button', { name: 'Start now' }), /\/safety/);
}

/** Answers the journey page by page, in whatever order it asks, from `answers`: for each page's
 *  path, a radio's label, or a function that answers it. Stops at the first page `answers` has
 *  nothing for (the outcome, say), and returns the paths it answered, in order. `choose` and
 *  `go` answer a radio and go on (by default by keyboard, checking each page). */
export async function answerPages(page, answers, { choose = chooseRadio, go = next } = {}) {
  const passed = [];
  for (let path = pathOf(page); path in answers; path = pathOf(page)) {
    assert.ok(!passed.includes(path), `${path} is asked twice: ${passed}`);
    passed.push(path);
    const answer = answers[path];
    await (typeof answer === 'function' ? answer(page) : choose(page, answer));
    await go(page);
  }
  return passed;
}

/** The answer to the when page: the date (`'D M YYYY'`) and whether it is still happening, or
 *  still not put right (`'Yes'` or `'No'`). */
export const whenAnswer = (date, ongoing) => async (page) => {
  await typeDate(page, date);
  await chooseRadio(page, ongoing);
};

/** On an outcome page for another route: chooses to send it as a complaint anyway, says
 *  `why`, and goes on to the complaint's first question. */
export async function sendAnyway(page, why) {
  await chooseRadio(page, 'Yes');
  await typeInto(page, 'Why do you want to send it as a complaint?', why);
  await next(page);
  assert.equal(pathOf(page), '/category');
}

/** The complaint's own pages, from the category to support (photos, what was done so far
 *  and support left empty), answered by keyboard. */
export async function describeComplaint(page, { category, description, impact, outcome }) {
  await chooseRadio(page, category);
  await next(page);
  await typeInto(page, 'What went wrong?', description);
  await next(page);
  await next(page); // photos: optional
  await chooseRadio(page, 'In my home');
  await next(page);
  await next(page); // done so far: optional
  await typeInto(page, 'How has this affected you and your household?', impact);
  await next(page);
  await typeInto(page, 'What would you like to happen to put it right?', outcome);
  await next(page);
  await next(page); // support: optional
}

/** The first answers: no danger, a resident complaining for themselves, with `connection`. */
export const myself = (connection = 'Tenant') => ({
  '/safety': 'No',
  '/hazard': 'No',
  '/who': 'I am complaining for myself',
  '/connection': connection,
});

/** The triage answers of a repair reported before and not put right, still not put right:
 *  `overrides` changes or adds the answers of some pages. */
export const repairNotPutRight = (overrides = {}) => ({
  '/kind': 'Tell them something has gone wrong',
  '/anti-social-behaviour': 'No',
  '/complained-before': 'No',
  '/other-process': 'None of these',
  '/what-about': 'Something they need to do or fix',
  '/told-before': 'Yes',
  '/after-report': 'It was not put right',
  '/when': whenAnswer('1 10 2026', 'Yes'),
  '/responsibility': 'No, it is about my landlord’s service',
  ...overrides,
});
