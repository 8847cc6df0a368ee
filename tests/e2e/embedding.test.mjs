// Embedding on a landlord's site: the demo host pages (iframe and mount), a strict CSP, a
// sub-path, and a landlord's own profile given by address, good or broken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHRISTMAS, DIST, assertAccessible, completeDraft, freePort, openPage, openWithDraft, pressSend, serveDist,
  shownMilestones, startReceiver, useApp,
} from './harness.mjs';

// A landlord's own profile: Town and Country's, renamed, with short clocks from receipt and
// its own words for anti-social behaviour.
const riverside = JSON.parse(readFileSync(join(DIST, 'policies/town-and-country.json'), 'utf8'));
riverside.id = 'riverside-test';
riverside.landlord.name = 'Riverside Test Homes';
delete riverside.stages.concern;
riverside.stages.stage1 = {
  acknowledge: { days: 1, from: 'receipt' },
  respond: { days: 3, from: 'receipt' },
};
const ASB_WORDS = 'Riverside’s neighbourhood team deals with noise and nuisance: call 0300 000 0000.';
riverside.exclusions.find((e) => e.kind === 'anti-social-behaviour').explanation = ASB_WORDS;

const brokenSchema = structuredClone(riverside);
brokenSchema.stages.stage1.respond.from = 'tomorrow';
// Three mistakes a web team makes, and an editor's $schema line, which is welcome.
const threeMistakes = structuredClone(brokenSchema);
Object.assign(threeMistakes, { $schema: '../policies/policy.schema.json', regoin: 'england-and-wales' });
threeMistakes.landlord.name = '';

/** A demo host page served from /landlord/, with `change` made to it (the pages' own
 *  stylesheet stays in /demo/). */
const demoPage = (name, change) =>
  change(readFileSync(join(DIST, 'demo', name), 'utf8').replace('href="host.css"', 'href="../demo/host.css"'));

const FILES = {
  '/landlord/riverside.json': JSON.stringify(riverside),
  '/landlord/broken-schema.json': JSON.stringify(brokenSchema),
  '/landlord/three-mistakes.json': JSON.stringify(threeMistakes),
  '/landlord/not-json.json': '{ "id": "riverside-test", ',
  // The demo iframe page with a long introduction above the app.
  '/landlord/long-iframe.html': demoPage('iframe.html',
    (page) => page.replace('<main', '<p style="height: 2000px">A long introduction.</p><main')),
  // The demo host page, on a site whose root text is 62.5% (10px).
  '/landlord/small-root.html': demoPage('mount.html',
    (page) => page.replace('</head>', '<style>html { font-size: 62.5%; }</style></head>')),
};

// The demo host page at /complain/, as a landlord would put it: the app under it, and a
// profile given by an address relative to the page.
const COMPLAIN_PAGE = readFileSync(join(DIST, 'demo', 'mount.html'), 'utf8')
  .replace('href="host.css"', 'href="/demo/host.css"')
  .replace('src="../app.js"', 'src="/app.js"')
  .replace('data-policy="greatwell"', 'data-policy="landlord.json"');
FILES['/complain/landlord.json'] = JSON.stringify(riverside);
// The same in an iframe, at /complain-in-a-frame/.
const FRAME_PAGE = readFileSync(join(DIST, 'demo', 'iframe.html'), 'utf8')
  .replace('href="host.css"', 'href="/demo/host.css"')
  .replace('src="../embed.js"', 'src="/embed.js"');

/** The host page's Content-Security-Policy for `method` as docs/embedding.md gives it, with the
 *  app's and the endpoint's example origins made this test's. */
function documentedHostCsp(method, origin) {
  const docs = readFileSync(join(DIST, '..', 'docs', 'embedding.md'), 'utf8');
  const after = docs.split(`<!-- host-csp:${method} `)[1];
  const line = after.split('\n').find((l) => l.startsWith('Content-Security-Policy: '));
  return line.slice('Content-Security-Policy: '.length)
    .replaceAll('https://complain.example.org', origin)
    .replaceAll('https://api.landlord.example', origin);
}

const env = useApp({
  files: FILES,
  hostPages: { '/complain/': COMPLAIN_PAGE, '/complain-in-a-frame/': FRAME_PAGE },
  hostCsp: (host) => documentedHostCsp(host === '/complain/' ? 'mounted' : 'iframe', new URL(env.app.url).origin),
});


/** The page's `[data-milestone]` dates, as { id: 'YYYY-MM-DD' }. */
const datesOf = async (page) =>
  Object.fromEntries(Object.entries(await shownMilestones(page)).map(([id, { date }]) => [id, date]));

test('a profile given by address drives the dates and the exclusions shown', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await page.goto(`${env.app.url}/?policy=${encodeURIComponent('/landlord/riverside.json')}`);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint to Riverside Test Homes' }).waitFor();
  // Received Wednesday 23 December: 1 and 3 working days on, past Christmas and Boxing Day.
  assert.deepEqual(await datesOf(page), {
    acknowledge_by: '2026-12-24',
    stage1_response_by: '2026-12-30',
  });
  await page.getByRole('button', { name: 'Start now' }).click();
  for (const answer of ['No', 'No', 'I am complaining for myself', 'Tenant', 'Tell them something has gone wrong',
    'Yes, it is about what a neighbour or someone else is doing']) {
    await page.getByRole('radio', { name: answer, exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(/\/outcome\?policy=/);
  // The outcome is the whole app's: the question pages' wasm loads it in full.
  await page.locator('main', { hasText: ASB_WORDS.slice(0, 40) }).waitFor();
  // The landlord's phone number is one tap away.
  assert.equal(await page.getByRole('link', { name: '0300 000 0000' }).getAttribute('href'), 'tel:03000000000');
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('the policy check shows where a profile given by address falls short of the Code', async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/policy-check?policy=${encodeURIComponent('/landlord/riverside.json')}`);
  await page.getByRole('heading', { level: 1, name: 'Policy check' }).waitFor();
  assert.equal(await page.title(), 'Policy check – Riverside Test Homes');
  const verdicts = Object.fromEntries(await page.$$eval('[data-rule]', (rows) =>
    rows.map((row) => [row.dataset.rule, row.dataset.verdict])));
  // Replies within 3 working days of receipt beat the Code; a 6-month limit and reasons
  // required to escalate (kept from Town and Country) fall short.
  assert.equal(verdicts['stage1-reply'], 'more-generous');
  assert.equal(verdicts['time-limit'], 'falls-short');
  assert.equal(verdicts['no-reasons-to-escalate'], 'falls-short');
  // What falls short comes first.
  const order = await page.$$eval('[data-verdict]', (rows) => rows.map((row) => row.dataset.verdict));
  assert.equal(order[0], 'falls-short');
  // In England (its region, with no nation given): Awaab's Law, and its dates for damp and
  // mould reported today, the investigation first.
  assert.match(await page.locator('[data-awaab="yes"]').textContent(), /SI 2025\/1042/);
  assert.equal(await page.locator('[data-deadline]').first().getAttribute('data-deadline'), 'investigate_by');
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a profile that is missing, not JSON or not valid gives a clear page for each', async () => {
  // Residents' pages (the start page's small wasm, and the whole app's) name a fault by
  // position; the policy check, a wasm of its own for the web team, names the field (below).
  const cases = [
    ['/', '/landlord/missing.json', /could not be used: the server answered 404/],
    ['/', '/landlord/not-json.json', /is not a valid profile\. not valid JSON: EOF while parsing/],
    ['/', '/landlord/broken-schema.json', /is not a valid profile\. unknown variant `tomorrow`, .* at line 1 column \d+\. .*policy-check page/],
    ['/safety', '/landlord/broken-schema.json', /is not a valid profile\. unknown variant `tomorrow`, .* at line 1 column \d+\. .*policy-check page/],
    ['/', 'no-such-landlord', /There is no built-in complaints policy called “no-such-landlord”/],
  ];
  for (const [path, policy, explanation] of cases) {
    const page = await openPage(env.browser);
    await page.goto(`${env.app.url}${path}?policy=${encodeURIComponent(policy)}`);
    await page.getByRole('heading', { level: 1, name: 'Sorry, this complaints form is not working' }).waitFor();
    // For the resident: other ways to complain. For the web team: exactly what is wrong.
    assert.ok(await page.getByRole('link', { name: 'Housing Ombudsman' }).isVisible());
    assert.match(await page.locator('[data-problem]').textContent(), explanation);
    assert.equal(await page.title(), 'Sorry, this complaints form is not working');
    await assertAccessible(page);
    // The 404 itself is the browser's console error; nothing else may go wrong.
    assert.deepEqual(page.problems.filter((p) => !p.includes('404')), [], policy);
    await page.context().close();
  }
});

test('the policy check names every problem of a profile, for the web team alone', async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/policy-check?policy=${encodeURIComponent('/landlord/three-mistakes.json')}`);
  await page.getByRole('heading', { level: 1, name: 'This profile cannot be used yet' }).waitFor();
  const problems = await page.locator('[data-profile-problem]').allTextContents();
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems[0], /^regoin: unknown field `regoin`/);
  assert.match(problems[1], /^stages\.stage1\.respond\.from: unknown variant `tomorrow`/);
  assert.equal(problems[2], 'landlord.name: must not be empty');
  assert.match(await page.locator('main').textContent(), /has 3 problems\. Fix them, then reload this page\./);
  // Not the residents' page: no apology, no Ombudsman.
  assert.equal(await page.getByRole('link', { name: 'Housing Ombudsman' }).count(), 0);
  assert.equal(await page.title(), 'This profile cannot be used yet – Policy check');
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('addresses on other sites are refused unless the deployment allows them', async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/?endpoint=${encodeURIComponent('https://collector.example/steal')}`);
  await page.getByRole('heading', { level: 1, name: 'Sorry, this complaints form is not working' }).waitFor();
  assert.match(await page.locator('[data-problem]').textContent(),
    /The endpoint setting names https:\/\/collector\.example\/steal, which is on another site/);
  assert.deepEqual(page.problems.filter((p) => !p.startsWith('third-party')), []);
  await page.context().close();
});

test('the iframe follows its content as pages change, and ignores other origins', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`${env.app.url}/demo/iframe.html`);
  const frameElement = page.locator('iframe.resident-complaints-frame');
  const frame = page.frameLocator('iframe.resident-complaints-frame');
  await frame.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  assert.equal(await frameElement.getAttribute('title'), 'Make a complaint to Greatwell Homes');

  /** Waits until the iframe is as tall as the app's page inside it. */
  const fitted = async () => {
    const content = await frame.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    await page.waitForFunction(
      (h) => Math.abs(document.querySelector('iframe.resident-complaints-frame').getBoundingClientRect().height - h) <= 1,
      content,
    );
    return content;
  };
  const startHeight = await fitted();
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.getByRole('heading', { level: 1, name: /danger/ }).waitFor();
  const questionHeight = await fitted();
  assert.notEqual(questionHeight, startHeight, 'the iframe changed height with the page');
  // An error summary makes the page taller, and the iframe with it.
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.locator('.error-summary').waitFor();
  assert.ok((await fitted()) > questionHeight);

  await assertAccessible(page);

  // Another origin (the same server by another name) posts a height: it is not used.
  const height = await frameElement.evaluate((f) => f.getBoundingClientRect().height);
  const otherOrigin = env.app.url.replace('127.0.0.1', 'localhost');
  await page.evaluate(() => {
    window.received = 0;
    window.addEventListener('message', () => { window.received += 1; });
  });
  const loaded = page.waitForEvent('framenavigated', (f) => f.url().startsWith(otherOrigin));
  await page.evaluate((src) => {
    const other = document.createElement('iframe');
    other.src = src;
    other.title = 'Another site';
    document.body.append(other);
  }, `${otherOrigin}/policies/greatwell.json`);
  const other = await loaded;
  await other.waitForLoadState();
  await other.evaluate(() => window.parent.postMessage({ type: 'resident-complaints:height', height: 5 }, '*'));
  await page.waitForFunction(() => window.received >= 1);
  assert.equal(await frameElement.evaluate((f) => f.getBoundingClientRect().height), height);
  assert.deepEqual(page.problems, []);
});

test('in an iframe low on a long page, each new page’s heading is scrolled into view', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await page.goto(`${env.app.url}/landlord/long-iframe.html`);
  const frame = page.frameLocator('iframe.resident-complaints-frame');
  /** Where the app's heading is in the phone's viewport (740 px tall). */
  const headingTop = async () => {
    const frameTop = await page.locator('iframe.resident-complaints-frame').evaluate((f) => f.getBoundingClientRect().top);
    const inFrame = await frame.locator('h1').evaluate((h) => h.getBoundingClientRect().top);
    return frameTop + inFrame;
  };
  await frame.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  await frame.getByRole('button', { name: 'Start now' }).click();
  await frame.getByRole('heading', { level: 1, name: /danger/ }).waitFor();
  await frame.getByRole('radio', { name: 'No', exact: true }).check();
  // The resident has scrolled on, past the heading, to Continue.
  const continueButton = frame.getByRole('button', { name: 'Continue' });
  await page.evaluate((by) => window.scrollBy(0, by), (await headingTop()) + 100);
  await continueButton.focus();
  assert.ok((await headingTop()) < 0, 'the heading is out of view before Continue');
  await page.keyboard.press('Enter');
  await frame.getByRole('heading', { level: 1, name: /damp, mould/ }).waitFor();
  await frame.locator('h1:focus').waitFor();
  const top = await headingTop();
  assert.ok(top >= 0 && top < 740, `the heading is in view (at ${top} px)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Computed styles of the host page's own elements. */
const hostStyles = (page) => page.evaluate(() => {
  const pick = (selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return ['font-family', 'font-size', 'color', 'background-color', 'line-height', 'border-radius', 'letter-spacing', 'margin']
      .map((p) => `${p}: ${style.getPropertyValue(p)}`);
  };
  return Object.fromEntries(['body', 'h1', '.site-intro', '.site-button', '.site-header', '.site-footer p']
    .map((s) => [s, pick(s)]));
});

test('mounted in a page, the app keeps its styles and the page keeps its own', async () => {
  // The host page as it looks without the app.
  const bare = await openPage(env.browser);
  await bare.route('**/app.js', (route) => route.abort());
  await bare.goto(`${env.app.url}/demo/mount.html`);
  const before = await hostStyles(bare);
  await bare.context().close();

  const page = await openPage(env.browser, { now: CHRISTMAS });
  await page.goto(`${env.app.url}/demo/mount.html`);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  assert.deepEqual(await hostStyles(page), before, 'the host page looks the same with the app in it');
  // The app's text is in its own font and colour, not the page's serif and brown.
  const appText = await page.locator('[data-resident-complaints]').evaluate((host) => {
    const style = getComputedStyle(host.shadowRoot.querySelector('#main-content p'));
    return { font: style.fontFamily, colour: style.color };
  });
  assert.doesNotMatch(appText.font, /Georgia/);
  assert.equal(appText.colour, 'rgb(11, 12, 12)');
  // The brand: the header in the landlord's green, with white text chosen to read on it.
  const header = await page.locator('[data-resident-complaints]').evaluate((host) => {
    const style = getComputedStyle(host.shadowRoot.querySelector('.header'));
    return [style.backgroundColor, style.color];
  });
  assert.deepEqual(header, ['rgb(11, 61, 46)', 'rgb(255, 255, 255)']);
  // The page keeps its title; the app's pages live under the page's own address.
  const title = await page.title();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.waitForURL(/\/demo\/mount\.html\/safety$/);
  await page.waitForFunction(() =>
    document.querySelector('[data-resident-complaints]').shadowRoot.activeElement?.id === 'page-heading');
  assert.equal(await page.title(), title);
  // Error links still reach their fields inside the shadow root.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('.error-summary a').first().click();
  assert.equal(await page.evaluate(() =>
    document.querySelector('[data-resident-complaints]').shadowRoot.activeElement?.type), 'radio');
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('mounted under /complain/, a reload deep in the journey keeps the page and the answers, and Back works', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  // The landlord's page is served with the documented policy, and nothing breaks it.
  await watchCsp(page);
  const heading = (name) => page.getByRole('heading', { level: 1, name }).waitFor();
  await page.goto(`${env.app.url}/complain/`);
  // The relative profile address is the page's: Riverside's, not the built-in one.
  await heading('Make a complaint to Riverside Test Homes');
  await page.getByRole('button', { name: 'Start now' }).click();
  for (const [path, answer] of [['safety', 'No'], ['hazard', 'No']]) {
    await page.waitForURL(new RegExp(`/complain/${path}$`));
    await page.getByRole('radio', { name: answer, exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(/\/complain\/who$/);
  const who = 'Who is making this complaint?';
  await heading(who);
  await page.reload();
  await heading(who);
  assert.equal(new URL(page.url()).pathname, '/complain/who');
  // Back goes to the page before, with its answer.
  await page.getByRole('link', { name: 'Back' }).click();
  await page.waitForURL(/\/complain\/hazard$/);
  assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).isChecked(), 'the answer is kept');
  // A link straight to a page of the journey, in a new tab, finds the same base and profile.
  const other = await page.context().newPage();
  await other.goto(`${env.app.url}/complain/safety`);
  await other.getByRole('radio', { name: 'No', exact: true }).waitFor();
  assert.match(await other.locator('[data-resident-complaints]').evaluate((host) => host.shadowRoot.textContent), /Riverside Test Homes/);
  // (axe is not run here: it injects a style the landlord's policy rightly refuses.)
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in an iframe on a page with the documented policy, the app starts with no violation', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await watchCsp(page);
  const response = await page.goto(`${env.app.url}/complain-in-a-frame/`);
  assert.match(response.headers()['content-security-policy'], /frame-src http:\/\/127\.0\.0\.1:\d+/);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  assert.deepEqual(page.violations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('mounted in a page whose root text is small, the app keeps its own sizes', async () => {
  // Many sites set html { font-size: 62.5% } to count in tens of pixels: rem inside the shadow
  // root follows it, so the app must not size its text in rem.
  const sizes = async (path) => {
    const page = await openPage(env.browser);
    await page.goto(`${env.app.url}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
    // The shadow root's stylesheet loads on its own: on a busy machine the heading can be
    // drawn before it has, in the browser's default sizes.
    await page.waitForFunction(() => document.querySelector('[data-resident-complaints]')
      .shadowRoot.querySelector('link[rel="stylesheet"]')?.sheet);
    const shown = await page.locator('[data-resident-complaints]').evaluate((host) =>
      ['h1', '.button--start', '.header__service', '#main-content p']
        .map((selector) => getComputedStyle(host.shadowRoot.querySelector(selector)).fontSize));
    await page.context().close();
    return shown;
  };
  const usual = await sizes('/demo/mount.html');
  assert.deepEqual(usual, ['32px', '24px', '18px', '20px']);
  assert.deepEqual(await sizes('/landlord/small-root.html'), usual);
});

test('mounted in a page, the landlord’s own ways to complain show until the app starts, and when it cannot', async () => {
  const theirs = (page) => page.getByText('You can also complain to Example Homes by phone on 020 7946 0000');
  // Without JavaScript: the landlord's words inside the element, as written.
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${env.app.url}/demo/mount.html`);
  assert.ok(await theirs(noScript).isVisible());
  assert.equal(await noScript.getByRole('link', { name: '020 7946 0000' }).getAttribute('href'), 'tel:02079460000');
  await context.close();

  // WebAssembly fails: their words stay, with no words of the app's over them.
  const failed = await openPage(env.browser);
  await failed.route('**/*.wasm', (route) => route.abort());
  const logged = failed.waitForEvent('console', { predicate: (m) => m.text().includes('the app could not start') });
  await failed.goto(`${env.app.url}/demo/mount.html`);
  await logged;
  assert.ok(await theirs(failed).isVisible());
  assert.equal(await failed.getByText('the complaints form could not start').count(), 0);
  assert.ok(failed.problems.some((p) => p.includes('the app could not start')), 'the failure is logged');
  await assertAccessible(failed);
  await failed.context().close();

  // The app starts: it takes their words' place.
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/demo/mount.html`);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
  assert.equal(await theirs(page).isVisible(), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// As docs/embedding.md gives it, frame-ancestors included (the demo iframe page is the app's own).
const CSP = (connect) =>
  `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${connect}; frame-ancestors 'self'`;

/** Collects every CSP violation the page and its frames report. */
async function watchCsp(page) {
  page.violations = [];
  await page.exposeFunction('reportViolation', (v) => page.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

test('in an iframe under the strict policy, the landlord’s logo and web font, served beside the app, show', async () => {
  const fonts = join(DIST, '..', 'tests', 'e2e', 'node_modules', 'govuk-frontend', 'dist', 'govuk', 'assets', 'fonts');
  const light = readdirSync(fonts).find((name) => name.startsWith('light-') && name.endsWith('.woff2'));
  const branded = readFileSync(join(DIST, 'demo', 'iframe.html'), 'utf8')
    .replace('href="host.css"', 'href="../demo/host.css"')
    .replace('src="../embed.js"', 'src="../embed.js"')
    .replace('data-policy="greatwell"',
      'data-policy="greatwell" data-logo="/landlord/logo.svg" data-font="Brand Light, sans-serif" data-font-url="/landlord/brand-light.woff2"');
  const strict = await serveDist(DIST, {
    csp: CSP(''),
    files: {
      '/landlord/branded-frame.html': branded,
      '/landlord/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0b3d2e"/></svg>',
      '/landlord/brand-light.woff2': readFileSync(join(fonts, light)),
    },
  });
  try {
    const page = await openPage(env.browser, { now: CHRISTMAS });
    await watchCsp(page);
    await page.goto(`${strict.url}/landlord/branded-frame.html`);
    const frame = page.frames().find((f) => f !== page.mainFrame()) ?? (await page.waitForEvent('frameattached'));
    await page.frameLocator('iframe').getByRole('heading', { level: 1, name: /Greatwell/ }).waitFor();
    const shown = await frame.evaluate(async () => {
      await document.fonts.ready;
      const logo = document.querySelector('header img');
      return {
        logo: logo?.complete && logo.naturalWidth,
        font: document.fonts.check('16px "Brand Light"'),
        family: getComputedStyle(document.querySelector('h1')).fontFamily,
      };
    });
    assert.deepEqual(shown, { logo: 120, font: true, family: '"Brand Light", sans-serif' });
    assert.deepEqual(page.violations, []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await strict.close();
  }
});

test('under a strict Content-Security-Policy, with no violation, a complaint is sent', async () => {
  const port = await freePort();
  const receiverUrl = `http://127.0.0.1:${port}`;
  const strict = await serveDist(DIST, { csp: CSP(receiverUrl) });
  strict.allow(receiverUrl);
  const receiver = await startReceiver(strict, { port });
  try {
    // The app's own page, the policy check, and both demo pages.
    const page = await openPage(env.browser, { now: CHRISTMAS });
    await watchCsp(page);
    for (const [path, heading] of [
      ['/?policy=greatwell', 'Make a complaint to Greatwell Homes'],
      ['/policy-check?policy=greatwell', 'Policy check'],
      ['/demo/mount.html', 'Make a complaint to Greatwell Homes'],
    ]) {
      await page.goto(strict.url + path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
    }
    await page.goto(`${strict.url}/demo/iframe.html`);
    await page.frameLocator('iframe').getByRole('heading', { level: 1, name: /Greatwell/ }).waitFor();

    // A complaint with a photo, sent across origins as connect-src allows. The photo's
    // thumbnail is drawn on a canvas: a data: image would break img-src 'self'.
    const jpeg = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [40, 30];
      const context = canvas.getContext('2d');
      context.fillStyle = '#aa3333';
      context.fillRect(0, 0, 40, 30);
      return canvas.toDataURL('image/jpeg').split(',')[1];
    });
    const photo = { name: 'wall.jpg', alt: 'Mould on the wall', width: 40, height: 30, jpeg_base64: jpeg };
    const sender = await openWithDraft(env.browser, strict.url, completeDraft({ photos: [photo] }),
      `/photos?endpoint=${encodeURIComponent(receiver.endpoint)}`);
    await watchCsp(sender);
    await sender.reload();
    await sender.getByRole('img', { name: 'Mould on the wall' }).waitFor();
    await sender.waitForFunction(() => {
      const canvas = document.querySelector('canvas.photo__image');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels.some((value) => value !== 0);
    });
    await sender.goto(`${strict.url}/check-answers?endpoint=${encodeURIComponent(receiver.endpoint)}`);
    await pressSend(sender);
    await sender.waitForURL(/\/confirmation/);
    assert.match(await sender.locator('[data-reference]').textContent(), /\S/);

    assert.deepEqual([...page.violations, ...sender.violations], []);
    assert.deepEqual([...page.problems, ...sender.problems], []);
  } finally {
    await receiver.stop();
    await strict.close();
  }
});

test('served under a sub-path, every page and a reload work', async () => {
  const sub = await serveDist(DIST, { prefix: '/housing/complaints' });
  try {
    const page = await openPage(env.browser, { now: CHRISTMAS });
    await page.goto(`${sub.url}/?policy=nottingham`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint to Nottingham City Council' }).waitFor();
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL(`${sub.url}/safety?policy=nottingham`);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/housing\/complaints\/hazard\?policy=nottingham$/);
    await page.reload();
    await page.getByRole('radio', { name: 'Yes, damp or mould' }).waitFor();
    await page.getByRole('link', { name: 'Back' }).click();
    await page.waitForURL(/\/housing\/complaints\/safety\?policy=nottingham$/);
    assert.ok(await page.getByRole('radio', { name: 'No', exact: true }).isChecked());
    // A profile by a relative address resolves under the sub-path too.
    await page.goto(`${sub.url}/?policy=policies/greatwell.json`);
    await page.getByRole('heading', { level: 1, name: 'Make a complaint to Greatwell Homes' }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await sub.close();
  }
});
