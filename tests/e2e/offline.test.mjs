// The service worker (public/sw.js): after one visit the app starts from the device. With no
// signal a question page reloads with its draft, the whole complaint can be written, and it
// waits in the outbox and is stored once when the signal returns; a new build replaces the
// old worker and the draft survives; a warm reload asks the server for none of the app's
// files; no cache ever holds what a resident wrote; in a landlord's iframe on another site
// the app keeps itself too, and mounted on a landlord's page it registers no worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  CHRISTMAS, DIST, STORED, answerPages, chooseRadio, completeDraft, describeComplaint, launchBrowser, newDevice, next,
  openWithSaved, pathOf, pressSend, recordProblems, referenceOf, repairNotPutRight, serveDist, start, stored,
  storedCount, typeInto, useApp, visit,
} from './harness.mjs';

const env = useApp({ receiver: true });

/** The build step that writes the worker's list of files and its version. */
const WRITE_WORKER = resolve(DIST, '..', '.ci', 'service-worker.mjs');

/** What a build's sw.js was written with: { version, files: [[path, integrity], ...] }. */
const buildOf = (dist) => JSON.parse(readFileSync(join(dist, 'sw.js'), 'utf8').match(/^const BUILD = (.*);$/m)[1]);

/** The version a build's sw.js was written with. */
const versionOf = (dist) => buildOf(dist).version;

/** A phone with nothing on it, its clock at CHRISTMAS, recording uncaught exceptions. */
async function phone() {
  const context = await newDevice(env.browser, { viewport: { width: 360, height: 740 } });
  const page = recordProblems(await context.newPage(), { uncaughtOnly: true });
  await page.clock.setFixedTime(CHRISTMAS);
  return page;
}

/** Waits until `fn(arg)`, run in `page` (a page or a frame), resolves to true, or fails after
 *  `timeout` ms saying `what`. (waitForFunction takes a promise for a true value.) */
async function until(page, what, fn, arg, timeout = 30000) {
  for (const end = Date.now() + timeout; !(await page.evaluate(fn, arg)); await page.waitForTimeout(250)) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}: ${await workerState(page)}`);
  }
}

/** The worker's registration and caches, as the page sees them, to say why a wait failed. */
const workerState = (page) => page.evaluate(async () => JSON.stringify({
  controlled: navigator.serviceWorker.controller !== null,
  registrations: (await navigator.serviceWorker.getRegistrations())
    .map((r) => ({ installing: r.installing?.state, waiting: r.waiting?.state, active: r.active?.state })),
  caches: Object.fromEntries(await Promise.all((await caches.keys())
    .map(async (name) => [name, (await (await caches.open(name)).keys()).map((request) => request.url)]))),
}));

/** Waits until the worker controls the page, its cache holds every file of the build in
 *  `dist` (a first visit keeps the wasm files after the worker takes over), and it keeps the
 *  page's profile. */
const keptOnDevice = (page, dist = DIST) => until(page, 'the app kept on the device', async ({ version, count }) => {
  if (navigator.serviceWorker.controller === null) return false;
  const names = await caches.keys();
  const app = names.find((n) => n.endsWith(` app ${version}`));
  const profile = names.find((n) => n.endsWith(' profile'));
  return app !== undefined && (await (await caches.open(app)).keys()).length === count
    && profile !== undefined && (await (await caches.open(profile)).keys()).length > 0;
}, { version: versionOf(dist), count: buildOf(dist).files.length });

/** Every cache on the page's origin (in its partition), as { name: [address, ...] }. */
const caches = (page) => page.evaluate(async () => Object.fromEntries(await Promise.all(
  (await globalThis.caches.keys()).map(async (name) => [name, (await (await globalThis.caches.open(name)).keys()).map((r) => r.url)]),
)));

const LEAK = {
  category: 'Repairs',
  description: 'The bathroom ceiling leaks every time it rains, written with no signal.',
  impact: 'Mould on the wall; my son’s asthma is worse.',
  outcome: 'Fix the roof by the end of January.',
};

test('offline after one visit: a question page reloads with its draft, and the complaint waits and is stored once', async () => {
  const page = await phone();
  const context = page.context();
  await visit(page, `${env.app.url}/?endpoint=${encodeURIComponent(env.receiver.endpoint)}`);
  await keptOnDevice(page);
  const before = storedCount(env.receiver.db);

  // No signal from here: the start page's link loads the whole app from the device.
  await context.setOffline(true);
  env.app.requests.length = 0;
  await start(page);
  await answerPages(page, { '/safety': 'No', '/hazard': 'No', '/who': 'I am complaining for myself' });
  assert.equal(pathOf(page), '/connection');
  await chooseRadio(page, 'Tenant');
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('"tenant"'), STORED.draft('hos-code-2024'));

  // A reload with no signal: the page shows, with the answer the resident had just given.
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(pathOf(page), '/connection');
  assert.ok(await page.getByRole('radio', { name: 'Tenant', exact: true }).isChecked(), 'the draft is there');
  await next(page);

  // The whole complaint, written with no signal.
  await answerPages(page, repairNotPutRight());
  assert.equal(pathOf(page), '/outcome');
  await next(page);
  await describeComplaint(page, LEAK);
  assert.equal(pathOf(page), '/contact');
  await typeInto(page, 'Your full name', 'Zoë O’Brien');
  await chooseRadio(page, 'Email');
  await typeInto(page, 'Email address', 'zoe@example.org');
  await next(page);
  assert.equal(pathOf(page), '/check-answers');

  // Sent with no signal: it waits in the outbox, and the page says so.
  await pressSend(page);
  await page.getByText('You are offline. We will send it when you are back online.').waitFor({ timeout: 15000 });
  assert.ok(await page.evaluate((key) => localStorage.getItem(key), STORED.outbox), 'kept in the outbox');
  assert.equal(storedCount(env.receiver.db), before, 'nothing reached the receiver');
  // (The browser's own check for a new sw.js escapes Playwright's offline emulation.)
  assert.deepEqual(env.app.requests.filter((request) => request !== 'GET /sw.js'), [],
    'with no signal, nothing reached the server: the profile too came from the device');

  // The signal returns: it is sent, and stored exactly once.
  await context.setOffline(false);
  const reference = await referenceOf(page);
  const record = await stored(env.receiver.url, reference);
  assert.equal(record.submission.details.description, LEAK.description);
  assert.equal(record.submission.complainant.name, 'Zoë O’Brien');
  await page.waitForTimeout(1000);
  assert.equal(storedCount(env.receiver.db), before + 1, 'stored exactly once');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a warm reload asks the server for none of the app’s files', async () => {
  const page = await phone();
  await visit(page, `${env.app.url}/`);
  await keptOnDevice(page);
  const appFile = (request) => !/ \/(policies\/[^/]+\.json|sw\.js)$/.test(request);
  for (const path of ['/', '/safety', '/check-answers']) {
    env.app.requests.length = 0;
    await visit(page, env.app.url + path);
    await page.reload();
    await page.locator('#page-heading').waitFor();
    assert.deepEqual(env.app.requests.filter(appFile), [], `${path}: asked the server`);
    // The profile the worker fetched less than a minute ago comes from the device.
    assert.ok(!env.app.requests.includes('GET /policies/hos-code-2024.json'), `${path}: the profile asked for`);
  }
  // A worker the browser has stopped (as it does when idle) asks for the profile first (network
  // first), for a change to reach residents.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');
  env.app.requests.length = 0;
  await page.reload();
  await page.locator('#page-heading').waitFor();
  // (Chromium may ask the network for the page itself while a stopped worker starts.)
  assert.deepEqual(env.app.requests.filter((request) => /\.(css|js|wasm)$/.test(request)), [], 'after the worker stopped: asked the server');
  assert.ok(env.app.requests.includes('GET /policies/hos-code-2024.json'), 'after the worker stopped: the profile');
  // The policy check, for landlords' web teams, is not kept: it comes from the network.
  env.app.requests.length = 0;
  await page.goto(`${env.app.url}/policy-check`);
  await page.getByRole('heading', { level: 1, name: 'Policy check' }).waitFor();
  for (const file of ['/policy-check', '/policy-check.js', '/policy-check_bg.wasm']) {
    assert.ok(env.app.requests.includes(`GET ${file}`), `${file} from the network`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a first visit on a weak signal: the worker takes over before the wasm is kept, keeps the question pages’ first, and Start now shares its download', async () => {
  // Every wasm answer starts late, as on a weak signal, so that Start now is pressed while the
  // worker is still keeping the wasm files.
  const weak = await serveDist(DIST, { delay: (path) => (path.endsWith('.wasm') ? 1500 : 0) });
  const page = await phone();
  try {
    await visit(page, `${weak.url}/`);
    await until(page, 'the worker in control', () => navigator.serviceWorker.controller !== null);
    // The page's frame: every file but the wasm and the wasm-bindgen modules that load them.
    const paths = buildOf(DIST).files.map(([path]) => path);
    const module = (path) => path.endsWith('.js') && paths.includes(path.replace(/\.js$/, '_bg.wasm'));
    const frame = paths.filter((path) => !path.endsWith('.wasm') && !module(path));
    assert.ok(frame.includes('index.html') && frame.includes('app.js'), frame);
    const keptYet = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.includes(' app '));
      return name ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname.slice(1)) : [];
    });
    assert.deepEqual(frame.filter((path) => !keptYet.includes(path)), [], 'the worker keeps the page’s frame as it installs');
    // The question pages' wasm first, as the start page asks: the start page's own, which the
    // page has already, waits.
    const asked = (path) => weak.requests.filter((request) => request === `GET /${path}`).length;
    for (const end = Date.now() + 30000; asked('questions_bg.wasm') === 0; await page.waitForTimeout(50)) {
      if (Date.now() > end) assert.fail(`the worker never asked for the question pages' wasm: ${weak.requests}`);
    }
    assert.equal(asked('first-page_bg.wasm'), 1, 'the start page’s wasm was kept before the question pages’');
    // Start now while the worker is fetching the question pages' wasm.
    await start(page);
    assert.match(await page.locator('h1').textContent(), /Is anyone in danger right now\?/);
    await keptOnDevice(page);

    // The question pages' files, asked for by the page while the worker was keeping them,
    // were fetched once; the start page's own, which it loaded before the worker, once more.
    for (const path of paths) {
      const before = frame.includes(path) || path.startsWith('first-page');
      assert.ok(asked(path) === 1 || (before && asked(path) <= 2), `${path} was fetched ${asked(path)} times`);
    }
    for (const path of ['questions.js', 'questions_bg.wasm', 'resident-complaints.js', 'resident-complaints_bg.wasm']) {
      assert.equal(asked(path), 1, `${path} fetched once`);
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await weak.close();
  }
});

test('the profile the worker fetched moments ago answers Start now’s page at once, however slow the network', async () => {
  let slow = false;
  const app = await serveDist(DIST, { delay: (path) => (slow && path.startsWith('/policies/') ? 20000 : 0) });
  const page = await phone();
  try {
    await visit(page, `${app.url}/`);
    await keptOnDevice(page);
    slow = true;
    app.requests.length = 0;
    await start(page);
    assert.match(await page.locator('h1').textContent(), /Is anyone in danger right now\?/);
    assert.deepEqual(app.requests.filter((request) => request.includes('/policies/')), [],
      'the network was not asked for the profile the worker had just fetched');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await app.close();
  }
});

test('no cache holds what the resident wrote, nor their receipt, after sending and reading its status', async () => {
  const page = await phone();
  await visit(page, `${env.app.url}/`);
  await keptOnDevice(page);
  const mark = randomBytes(8).toString('hex');
  const answers = completeDraft({
    name: `Zoë ${mark}name`,
    email: `zoe.${mark}@example.org`,
    description: `Black mould ${mark}description`,
    impact: `Asthma ${mark}impact`,
    outcome_wanted: `Treat it ${mark}outcome`,
    done_so_far: `Phoned twice ${mark}done`,
    adjustments_detail: `Large print ${mark}support`,
  });
  const touched = [];
  page.on('response', (response) => {
    if (response.url().startsWith(env.receiver.url) && response.fromServiceWorker()) touched.push(response.url());
  });
  await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(answers),
    `/check-answers?endpoint=${encodeURIComponent(env.receiver.endpoint)}`);
  await pressSend(page);
  const reference = await referenceOf(page);
  const [{ access_token: token }] = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), STORED.tracked));
  // My complaints reads the status from the receiver, with the access token.
  await visit(page, `${env.app.url}/my-complaints?endpoint=${encodeURIComponent(env.receiver.endpoint)}`);
  await page.locator(`text=${reference}`).first().waitFor();

  const everything = await page.evaluate(async () => {
    const entries = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = new Uint8Array(await response.arrayBuffer());
        entries.push({ name, url: request.url, headers: [...response.headers].join('\n'), body: new TextDecoder().decode(bytes) });
      }
    }
    return entries;
  });
  assert.ok(everything.length > 0, 'the app is kept');
  for (const { name, url, headers, body } of everything) {
    assert.doesNotMatch(url, /\/v1\//, `${name} keeps ${url}`);
    for (const secret of [mark, reference, token]) {
      assert.ok(![url, headers, body].some((text) => text.includes(secret)), `${name}: ${url} holds ${secret}`);
    }
  }
  assert.deepEqual(touched, [], 'the worker answered for the receiver');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a new build replaces the old worker and its files, and the draft survives', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'release-'));
  cpSync(DIST, dist, { recursive: true });
  const app = await serveDist(dist);
  const page = await phone();
  try {
    await visit(page, `${app.url}/`);
    await keptOnDevice(page, dist);
    const old = versionOf(dist);
    assert.ok(Object.keys(await caches(page)).some((name) => name.endsWith(` app ${old}`)));

    // A draft, being written.
    await openWithSaved(page, app.url, 'hos-code-2024', JSON.stringify(completeDraft({ last_page: 'what-went-wrong' })), '/what-went-wrong');
    await page.getByLabel('What went wrong?').fill(`${completeDraft().description} It came back in November.`);
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('came back in November'), STORED.draft('hos-code-2024'));

    // The new release: a file changes, and the build writes the worker again.
    appendFileSync(join(dist, 'main.css'), '\n/* the new release */\n');
    execFileSync('node', [WRITE_WORKER, dist]);
    const release = versionOf(dist);
    assert.notEqual(release, old);

    // The next visit finds it: the new worker installs, takes over and deletes the old files.
    await page.reload();
    await page.locator('h1').waitFor();
    await until(page, 'the new version’s worker', async (version) => {
      const names = await caches.keys();
      return names.some((name) => name.endsWith(` app ${version}`)) && names.filter((name) => name.includes(' app ')).length === 1;
    }, release);
    assert.deepEqual(Object.keys(await caches(page)).filter((name) => name.includes(' app ')).map((name) => name.split(' ').pop()), [release]);

    // The page after it is the new release's, and the draft is as the resident left it.
    app.requests.length = 0;
    await page.reload();
    await page.locator('h1').waitFor();
    assert.match(await page.evaluate(async () => (await fetch('main.css')).text()), /the new release/);
    assert.equal(await page.getByLabel('What went wrong?').inputValue(), `${completeDraft().description} It came back in November.`);
    assert.deepEqual(app.requests.filter((request) => /\.(css|js|wasm|html)$|\/what-went-wrong$/.test(request)), [],
      'the new release came from the device');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  }
});

/** The demo iframe page, served by `landlord` (on localhost: another site than the app's, on
 *  127.0.0.1), showing the app at `app`. */
const landlordWithFrame = (app) => {
  const appOrigin = new URL(app.url).origin;
  return serveDist(DIST, {
    hostPages: {
      '/landlord/': readFileSync(join(DIST, 'demo', 'iframe.html'), 'utf8')
        .replace('href="host.css"', `href="${appOrigin}/demo/host.css"`)
        .replace('src="../embed.js"', `src="${appOrigin}/embed.js"`),
    },
  });
};

/** The app's frame on `page`, a landlord's page on localhost, once the app has started in it. */
async function appFrame(page, landlord) {
  await page.goto(`${landlord.url.replace('127.0.0.1', 'localhost')}/landlord/`);
  await page.frameLocator('iframe.resident-complaints-frame').locator('#page-heading').waitFor();
  return page.frames().find((frame) => frame.url().startsWith(env.app.url));
}

test('in a landlord’s iframe on another site, the app keeps itself on the device where the browser lets it', { timeout: 120000 }, async () => {
  const landlord = await landlordWithFrame(env.app);
  // Chromium as it ships keeps a third party's storage and worker apart for each site it is
  // shown on (partitioned), and so lets the app's worker run in the landlord's iframe.
  // Playwright turns that partitioning off, among other features: this list, the last given,
  // keeps the others off and partitioning on.
  const partitioned = await launchBrowser([`--disable-features=${[
    'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'OptimizationHints',
  ]}`]);
  const page = recordProblems(await (await newDevice(partitioned)).newPage(), { uncaughtOnly: true });
  // What the app said, from either page, so that a failure to keep it says why.
  const said = [];
  page.on('console', (message) => said.push(`${message.type()}: ${message.text()}`));
  try {
    const frame = await appFrame(page, landlord);
    await keptOnDevice(frame).catch((failure) => {
      failure.message += `; the console: ${JSON.stringify(said)}`;
      throw failure;
    });
    // No signal: a page of the app in the iframe starts from the device.
    await page.context().setOffline(true);
    await frame.goto(`${env.app.url}/safety?policy=greatwell&host-origin=${encodeURIComponent(new URL(page.url()).origin)}`);
    await frame.locator('#page-heading').waitFor();
    assert.match(await frame.locator('h1').textContent(), /Is anyone in danger right now\?/);
    assert.deepEqual(page.problems, []);
  } finally {
    await partitioned.close();
    await landlord.close();
  }
});

test('in an iframe where the browser allows no worker, the app starts from the network, with a warning only', async () => {
  const landlord = await landlordWithFrame(env.app);
  // Playwright's Chromium: no storage for a third party's iframe, so no worker.
  const page = recordProblems(await (await newDevice(env.browser)).newPage());
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  try {
    const frame = await appFrame(page, landlord);
    await frame.locator('#page-heading').waitFor();
    for (const end = Date.now() + 10000; warnings.length === 0 && Date.now() < end;) await page.waitForTimeout(100);
    assert.match(warnings.join('\n'), /the app cannot be kept on this device/);
    await frame.getByRole('button', { name: 'Start now' }).click();
    await frame.waitForURL(/\/safety/);
    await frame.locator('#page-heading').waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await landlord.close();
  }
});

test('mounted on a landlord’s page, the app registers no worker', async () => {
  const mounted = await serveDist(DIST, {
    hostPages: {
      '/complain/': readFileSync(join(DIST, 'demo', 'mount.html'), 'utf8')
        .replace('href="host.css"', 'href="/demo/host.css"').replace('src="../app.js"', 'src="/app.js"'),
    },
  });
  const page = await phone();
  try {
    await page.goto(`${mounted.url}/complain/`);
    await page.waitForFunction(() => document.querySelector('[data-resident-complaints]').shadowRoot?.querySelector('h1'));
    await page.waitForTimeout(2000);
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.ok(!mounted.requests.includes('GET /sw.js'), 'sw.js was asked for');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await mounted.close();
  }
});
