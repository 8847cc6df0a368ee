// A link cannot redirect a complaint (issue 17). On the app's own page anyone can write the
// query string, so `policy`, `endpoint` and `logo` are taken only on the app's origin or one
// index.html lists; an address with a user name or password (`https://x@host/`) is refused
// everywhere, a landlord's mounting page included; the app never follows a redirect with a
// complaint; and app.js, which fetches the profile before the app starts (and for its fallback
// when the app cannot start), takes only the addresses the app would take.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import {
  DIST, STORED, assertAccessible, completeDraft, freePort, openPage, openWithDraft, pathOf, pressSend, serveDist,
  startReceiver, storedCount, useApp, visit,
} from './harness.mjs';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="#0b3d2e"/></svg>';

// A landlord's own profile with two web addresses among its contacts: its own, and one that
// puts its own name before an @, so that the link would really go to elsewhere.example.
const brookside = JSON.parse(readFileSync(join(DIST, 'policies/nottingham.json'), 'utf8'));
brookside.id = 'brookside-test';
brookside.landlord.name = 'Brookside Test Homes';
brookside.landlord.contacts = [
  { channel: 'phone', value: '0300 123 4567' },
  { channel: 'web', value: 'www.brookside.example/complaints' },
  { channel: 'web', value: 'https://www.brookside.example@elsewhere.example/complaints' },
];

/** A landlord's page that mounts the app with `attributes` (served from /landlord/). */
const mountPage = (attributes) =>
  readFileSync(join(DIST, 'demo/mount.html'), 'utf8')
    .replace('href="host.css"', 'href="../demo/host.css"')
    .replace('data-policy="greatwell"', `data-policy="greatwell" ${attributes}`);

// A profile whose words carry markup: the pages must show them as words.
const MARKUP = '<img src="x" onerror="window.pwned = true">';
const crafted = structuredClone(brookside);
crafted.id = 'crafted-test';
crafted.landlord.name = `Crafted ${MARKUP} Homes`;
crafted.landlord.contacts = [{ channel: 'post', value: `1 High Street <script>window.pwned = true</script>`, note: MARKUP }];

const FILES = {
  '/landlord/logo.svg': LOGO,
  '/landlord/crafted.json': JSON.stringify(crafted),
  '/landlord/brookside.json': JSON.stringify(brookside),
  '/landlord/mount-endpoint.html': mountPage('data-endpoint="https://x@landlord.example/v1/submissions"'),
  '/landlord/mount-logo.html': mountPage('data-logo="https://x:secret@landlord.example/logo.svg"'),
  '/landlord/mount-policy.html': mountPage('').replace('data-policy="greatwell"',
    'data-policy="https://x@landlord.example/complaints-policy.json"'),
  // Pages whose addresses need the server's port are added by the tests that use them.
};

const env = useApp({ files: FILES });

const NOT_WORKING = 'Sorry, this complaints form is not working';

/** The same server as `app`, by another name: another origin, which the deployment lists
 *  only where a test says so. */
const otherOrigin = (app) => new URL(app.url.replace('127.0.0.1', 'localhost')).origin;

/** The addresses the page asks for on `origin` (or at a path ending with `path` anywhere). */
function requestsTo(page, { origin, path }) {
  const seen = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if ((origin && url.origin === origin) || (path && url.pathname.endsWith(path))) seen.push(req.url());
  });
  return seen;
}

/** What the device keeps: `key`'s value in localStorage, parsed (null if none). */
const kept = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);

/** Waits for the setup-problem page and returns what it tells the web team. */
async function setupProblem(page) {
  await page.getByRole('heading', { level: 1, name: NOT_WORKING }).waitFor();
  return (await page.locator('[data-problem]').textContent()).trim();
}

test('an endpoint with a user name or password is refused, on the app’s own origin too, and nothing is queued', async () => {
  const receiver = await startReceiver(env.app);
  try {
    const withUser = (endpoint, user) => endpoint.replace('http://', `http://${user}@`);
    for (const [endpoint, shown] of [
      // The app's own origin, where the default endpoint is.
      [withUser(`${env.app.url}/v1/submissions`, 'x'), `${env.app.url}/v1/submissions`],
      // An origin index.html lists (the receiver's), with a password too.
      [withUser(receiver.endpoint, 'x:secret'), receiver.endpoint],
    ]) {
      for (const path of ['/', '/check-answers']) {
        // A device with a complete complaint on it, opened by a link that names the endpoint.
        const page = await openWithDraft(env.browser, env.app.url, completeDraft(),
          `${path}?endpoint=${encodeURIComponent(endpoint)}`);
        const sent = requestsTo(page, { path: '/v1/submissions' });
        const problem = await setupProblem(page);
        // For the web team: which setting, and the address without the user name or password.
        assert.equal(problem, `The endpoint setting names ${shown} with a user name or password before the site's name (not shown). Give the address without them.`);
        assert.doesNotMatch(problem, /x@|secret/);
        // Nothing to send with, nothing queued, nothing sent; the resident's answers are kept.
        assert.equal(await page.getByRole('button', { name: 'Send complaint' }).count(), 0);
        await page.waitForTimeout(500);
        assert.equal(await kept(page, STORED.outbox), null, 'nothing is queued');
        assert.equal((await kept(page, STORED.draft('hos-code-2024'))).name, completeDraft().name);
        assert.deepEqual(sent, []);
        await assertAccessible(page);
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
    }
    assert.equal(storedCount(receiver.db), 0);

    // The same endpoint without the user name: the complaint is sent, and stored.
    const page = await openWithDraft(env.browser, env.app.url, completeDraft(),
      `/check-answers?endpoint=${encodeURIComponent(receiver.endpoint)}`);
    await pressSend(page);
    await page.waitForURL(/\/confirmation/);
    assert.equal(storedCount(receiver.db), 1);
    await page.context().close();
  } finally {
    await receiver.stop();
  }
});

/** Serves the app at `port` as a host whose /v1/submissions (the app's default endpoint, on
 *  its own origin) answers every request with a 307 to `to`; everything else is the app,
 *  from `app`. Resolves to { url, posts, close }, `posts` counting the POSTs redirected. */
async function redirectingHost(app, port, to) {
  const host = { posts: 0 };
  const server = createServer((req, res) => {
    if (new URL(req.url, 'http://x').pathname === '/v1/submissions') {
      if (req.method === 'POST') host.posts += 1;
      req.resume();
      return res.writeHead(307, { Location: to }).end();
    }
    const forwarded = request(`${app.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forwarded);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  host.url = `http://127.0.0.1:${port}`;
  host.close = () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
  return host;
}

test('an endpoint that answers with a redirect is not followed: the setup-problem page says so, nothing is queued, and nothing reaches where it pointed', async () => {
  // The receiver allows the host's origin, so a browser that followed the redirect would
  // deliver the complaint there (the last step shows it does).
  const port = await freePort();
  const receiver = await startReceiver({ url: `http://127.0.0.1:${port}`, allow() {} });
  const host = await redirectingHost(env.app, port, receiver.endpoint);
  try {
    const page = await openWithDraft(env.browser, host.url, completeDraft(), '/check-answers');
    const body = page.waitForRequest((req) => req.method() === 'POST').then((req) => req.postData());
    await pressSend(page);
    // For the web team: the endpoint redirects. For the resident: their answers are kept.
    assert.equal(await setupProblem(page),
      `The endpoint ${host.url}/v1/submissions answered a complaint with a redirect. The form does not follow redirects, so that complaints go only where the settings say. Give the address the complaints system answers at, without a redirect.`);
    await page.getByText('Your answers are still saved on this device.', { exact: false }).waitFor();
    await page.waitForTimeout(1000);
    assert.equal(host.posts, 1, 'tried once, not again');
    assert.equal(storedCount(receiver.db), 0, 'nothing reached the redirect’s target');
    assert.equal(await kept(page, STORED.outbox), null, 'nothing is queued');
    assert.equal((await kept(page, STORED.draft('hos-code-2024'))).description, completeDraft().description);
    await assertAccessible(page);
    assert.deepEqual(page.problems, []);

    // Followed, as a browser does by default, the same request reaches the receiver.
    const answered = await page.evaluate(async ([endpoint, sent]) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: sent,
      });
      return { status: response.status, url: response.url };
    }, [`${host.url}/v1/submissions`, await body]);
    assert.equal(answered.url, receiver.endpoint);
    assert.ok([200, 201].includes(answered.status), `the receiver answered ${answered.status}`);
    assert.equal(storedCount(receiver.db), 1);
    await page.context().close();
  } finally {
    await host.close();
    await receiver.stop();
  }
});

test('a logo from another site is refused unless the deployment lists it; a listed one, or the app’s own, is shown', async () => {
  const elsewhere = otherOrigin(env.app);
  // Refused: another origin, not listed; and the app's own origin with a user name.
  for (const [logo, explanation] of [
    [`${elsewhere}/landlord/logo.svg`, `The logo setting names ${elsewhere}/landlord/logo.svg, which is on another site.`],
    [`${env.app.url.replace('http://', 'http://x@')}/landlord/logo.svg`,
      `The logo setting names ${env.app.url}/landlord/logo.svg with a user name or password`],
  ]) {
    const page = await openPage(env.browser);
    const fetched = requestsTo(page, { path: '/logo.svg' });
    await page.goto(`${env.app.url}/?logo=${encodeURIComponent(logo)}`);
    assert.ok((await setupProblem(page)).startsWith(explanation), logo);
    assert.deepEqual(fetched, [], 'the logo is never fetched');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }

  /** Opens the start page with `logo` on `app` and returns the header logo's address once it
   *  has loaded. */
  const shownLogo = async (app, logo) => {
    const page = await openPage(env.browser);
    await visit(page, `${app.url}/?logo=${encodeURIComponent(logo)}`);
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    const image = page.locator('img.header__logo');
    await page.waitForFunction(() => document.querySelector('img.header__logo')?.naturalWidth > 0);
    const src = await image.getAttribute('src');
    assert.deepEqual(page.problems, []);
    await page.context().close();
    return src;
  };
  // The app's own: by a relative address, resolved against the page.
  assert.equal(await shownLogo(env.app, '/landlord/logo.svg'), `${env.app.url}/landlord/logo.svg`);
  // Another origin that the deployment lists.
  const listing = await serveDist(DIST, { files: FILES });
  try {
    listing.allow(otherOrigin(listing));
    const logo = `${otherOrigin(listing)}/landlord/logo.svg`;
    assert.equal(await shownLogo(listing, logo), logo);
  } finally {
    await listing.close();
  }
});

test('a landlord’s page that mounts the app is trusted with other sites, never with a user name or password', async () => {
  // Refused on the landlord's page too, and the profile is not fetched (app.js preloads
  // only what the app takes).
  for (const [path, explanation] of [
    ['/landlord/mount-endpoint.html', 'The endpoint setting names https://landlord.example/v1/submissions with a user name or password'],
    ['/landlord/mount-logo.html', 'The logo setting names https://landlord.example/logo.svg with a user name or password'],
    ['/landlord/mount-policy.html', 'The policy setting names https://landlord.example/complaints-policy.json with a user name or password'],
  ]) {
    const page = await openPage(env.browser);
    await page.goto(env.app.url + path);
    assert.ok((await setupProblem(page)).startsWith(explanation), path);
    // The app is in the page's shadow root, which the locators above reached.
    assert.ok(await page.locator('[data-resident-complaints]').evaluate((host) => host.shadowRoot.querySelector('[data-problem]') !== null));
    await assertAccessible(page);
    // recordProblems lists any request to landlord.example as third-party: there is none.
    assert.deepEqual(page.problems, [], path);
    await page.context().close();
  }

  // A logo on another site that the deployment does not list: the landlord's page may.
  const logo = `${otherOrigin(env.app)}/landlord/logo.svg`;
  FILES['/landlord/mount-other-logo.html'] = mountPage(`data-logo="${logo}"`);
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/landlord/mount-other-logo.html`);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  await page.waitForFunction(() =>
    document.querySelector('[data-resident-complaints]').shadowRoot.querySelector('img.header__logo')?.naturalWidth > 0);
  assert.equal(await page.locator('img.header__logo').getAttribute('src'), logo);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a profile on another site is neither fetched early nor listed when the app cannot start, unless the deployment allows it', async () => {
  const elsewhere = otherOrigin(env.app);
  // The app starts: the setup-problem page, and no request at all to the other site (app.js
  // used to preload whatever the link named).
  const page = await openPage(env.browser);
  const asked = requestsTo(page, { origin: elsewhere });
  await page.goto(`${env.app.url}/?policy=${encodeURIComponent(`${elsewhere}/landlord/brookside.json`)}`);
  assert.match(await setupProblem(page), /^The policy setting names http:\/\/localhost:\d+\/landlord\/brookside\.json, which is on another site/);
  assert.deepEqual(asked, []);
  await page.context().close();

  /** Opens the app's own page with `policy` where WebAssembly cannot load, and waits for the
   *  fallback. Returns the page and the requests it made to the other site. */
  const fallback = async (policy) => {
    const failed = await openPage(env.browser);
    const other = requestsTo(failed, { origin: elsewhere });
    await failed.route('**/*.wasm', (route) => route.abort());
    const logged = failed.waitForEvent('console', { predicate: (m) => m.text().includes('the app could not start') });
    await failed.goto(`${env.app.url}/?policy=${encodeURIComponent(policy)}`);
    await logged;
    await failed.getByText('You can still complain to your landlord by phone, email, letter or in person.').first().waitFor();
    await failed.waitForTimeout(500);
    return { failed, other };
  };
  // On another site, not listed: the general ways to complain only, nothing fetched from it.
  const refused = await fallback(`${elsewhere}/landlord/brookside.json`);
  assert.equal(await refused.failed.getByText('Brookside Test Homes').count(), 0);
  assert.equal(await refused.failed.getByText('0300 123 4567').count(), 0);
  assert.deepEqual(refused.other, []);
  await refused.failed.context().close();
  // The same profile on the app's own origin: the landlord's contacts are listed.
  const taken = await fallback('/landlord/brookside.json');
  await taken.failed.getByRole('heading', { name: 'Brookside Test Homes' }).waitFor();
  assert.equal(await taken.failed.getByRole('link', { name: '0300 123 4567' }).getAttribute('href'), 'tel:03001234567');
  await assertAccessible(taken.failed);
  await taken.failed.context().close();
});

test('a profile whose words carry markup shows them as words: nothing is added to the page, nothing runs', async () => {
  const page = await openPage(env.browser);
  const policy = `?policy=${encodeURIComponent('/landlord/crafted.json')}`;
  // The start page (the first page's wasm, built with src/dom.rs), then a question page (Leptos,
  // with the same header).
  for (const path of ['/', '/safety']) {
    await visit(page, `${env.app.url}${path}${policy}`);
    await page.locator('#page-heading').waitFor();
    assert.match(await page.locator('.header__service').textContent(), /Crafted <img src="x" onerror="window.pwned = true"> Homes/);
    assert.equal(await page.locator('img[src="x"], main script').count(), 0, `${path}: no element from the profile`);
  }
  await visit(page, `${env.app.url}/${policy}`);
  await page.locator('#page-heading').waitFor();
  assert.match(await page.locator('h1').textContent(), /Crafted <img src="x" onerror="window.pwned = true"> Homes/);
  await page.getByText('1 High Street <script>window.pwned = true</script>').waitFor();
  await page.getByText(MARKUP, { exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a web contact with a user name or password is shown as text, never as a link', async () => {
  const own = 'www.brookside.example/complaints';
  const dressedUp = 'https://www.brookside.example@elsewhere.example/complaints';
  // On the start page, from the profile (src/components/contacts.rs).
  const page = await openPage(env.browser);
  await visit(page, `${env.app.url}/?policy=${encodeURIComponent('/landlord/brookside.json')}`);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint to Brookside Test Homes' }).waitFor();
  assert.equal(await page.getByRole('link', { name: own }).getAttribute('href'), `https://${own}`);
  await page.getByText(dressedUp).waitFor();
  assert.equal(await page.getByRole('link', { name: dressedUp }).count(), 0);
  assert.equal(await page.locator('a[href*="elsewhere.example"]').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // In app.js's fallback, when the app cannot start.
  const failed = await openPage(env.browser);
  await failed.route('**/*.wasm', (route) => route.abort());
  await failed.goto(`${env.app.url}/?policy=${encodeURIComponent('/landlord/brookside.json')}`);
  await failed.getByRole('heading', { name: 'Brookside Test Homes' }).waitFor();
  assert.equal(await failed.getByRole('link', { name: own }).getAttribute('href'), `https://${own}`);
  await failed.getByText(dressedUp).waitFor();
  assert.equal(await failed.locator('a[href*="elsewhere.example"]').count(), 0);
  await failed.context().close();
});
