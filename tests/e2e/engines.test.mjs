// The app in each browser engine residents use: Chromium (Blink), Firefox (Gecko) and WebKit,
// the engine of every browser on iOS. One set of steps, run through a thin driver per engine
// (engines/*.mjs): the journey sent to the reference receiver, a reload mid-journey, the
// iframe and mounted demos, Welsh, and the contrast of the form controls' rings and states
// measured on screenshots, which axe cannot do. `ENGINES=webkit,firefox` runs some of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { DIST, SHOTS, STORED, completeDraft, serveDist, startReceiver, stored } from './harness.mjs';
import { boundaryContrast, changeContrast, decode } from './engines/pixels.mjs';

const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',');
/** A phone held sideways: MiniBrowser's window is no narrower than about 450 px. */
const VIEWPORT = { width: 480, height: 800 };
/** The colour schemes each engine can be put in: WebKitGTK has no forced colours. */
const SCHEMES = { chromium: ['light', 'dark', 'forced'], firefox: ['light', 'dark', 'forced'], webkit: ['light', 'dark'] };
/** WCAG 2.2 1.4.11: a control's boundary and states against the colours beside them. */
const NON_TEXT = 3;

const env = {};
before(async () => {
  env.app = await serveDist(DIST);
  env.receiver = await startReceiver(env.app);
});
after(async () => {
  await env.receiver?.stop();
  await env.app?.close();
});

/** Waits until `fn(...args)` is true in the page, or fails saying `what`. (`fn` returns a
 *  plain value: an element does not come back from every engine.) */
async function until(page, what, fn, ...args) {
  const end = Date.now() + 30000;
  while (!(await page.evaluate(fn, ...args).catch(() => false))) {
    if (Date.now() > end) {
      const where = await page.evaluate(() => `${location.pathname}: ${(document.querySelector('main') ?? document.body).textContent.slice(0, 300)}`);
      assert.fail(`${page.name}: timed out waiting for ${what} (on ${where})`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

const path = (page) => page.evaluate(() => location.pathname);

/** Waits for the app's page at `url` (a path, or any other than `from`) to be drawn, with
 *  focus on its heading as the app moves it. */
async function arrived(page, { from, url }) {
  await until(page, url ?? `a page after ${from}`, (want, was) => (want ? location.pathname === want : location.pathname !== was)
    && document.activeElement?.id === 'page-heading', url, from);
}

/** Opens `address` of the app on a device with nothing saved, or with `draft` saved. */
async function open(page, address, draft) {
  // localStorage is written from a page of the app's origin that is not the app.
  await page.goto(`${env.app.url}/policies/greatwell.json`);
  await page.evaluate((key, value) => {
    localStorage.clear();
    if (value) localStorage.setItem(key, value);
  }, STORED.draft(draft?.policy_id ?? ''), draft && JSON.stringify(draft));
  await page.goto(env.app.url + address);
  // The app's heading, not the fallback's (index.html's, for a browser that cannot run the app).
  await until(page, 'the app’s heading', () => document.getElementById('page-heading') !== null);
}

/** Presses the page's Continue (or Send) button and waits for the next page. */
async function next(page) {
  const from = await path(page);
  await page.click('[data-module="continue"]');
  await arrived(page, { from });
}

/** Answers the pages in whatever order the journey asks them, from `answers`: for each path,
 *  the value of the radio to click, or a function that answers it. */
async function answer(page, answers) {
  const passed = [];
  for (let at = await path(page); at in answers; at = await path(page)) {
    assert.ok(!passed.includes(at), `${at} is asked twice: ${passed}`);
    passed.push(at);
    const given = answers[at];
    await (typeof given === 'function' ? given(page) : page.click(`input[type=radio][value="${given}"]`));
    await next(page);
  }
  return passed;
}

const nothing = async () => {};
/** A repair reported and not put right, from the first question to the check-answers page. */
const REPAIR = {
  '/safety': 'no', '/hazard': 'none', '/who': 'myself', '/connection': 'tenant', '/kind': 'complaint',
  '/anti-social-behaviour': 'no', '/complained-before': 'no', '/other-process': 'none', '/what-about': 'repair',
  '/told-before': 'yes', '/after-report': 'not-fixed', '/responsibility': 'landlord',
  '/when': async (page) => {
    await page.type('[name="issue-date-day"]', '1');
    await page.type('[name="issue-date-month"]', '10');
    await page.type('[name="issue-date-year"]', '2026');
    await page.click('input[type=radio][value="yes"]');
  },
  '/outcome': nothing,
  '/category': 'repairs',
  '/what-went-wrong': (page) => page.type('textarea', 'The bathroom ceiling leaks every time it rains.'),
  '/photos': nothing,
  '/where': 'home',
  '/done-so-far': nothing,
  '/impact': (page) => page.type('textarea', 'Mould on the wall; my son’s asthma is worse.'),
  '/outcome-wanted': (page) => page.type('textarea', 'Fix the roof.'),
  '/support': nothing,
  '/contact': async (page) => {
    await page.type('input[autocomplete="name"]', 'Zoë O’Brien');
    await page.click('input[type=radio][value="email"]');
    await page.type('input[type=email]', 'zoe@example.org');
  },
};

const FRAME = 'iframe.resident-complaints-frame';
/** In the page (so with nothing from outside): whether the heading of the app in the frame
 *  `frame`, or mounted in the page, matches `pattern`. */
const frameHeadingIs = (frame, pattern) =>
  new RegExp(pattern).test(document.querySelector(frame).contentDocument?.querySelector('h1')?.textContent);
const mountedHeadingIs = (pattern) =>
  new RegExp(pattern).test(document.querySelector('[data-resident-complaints]').shadowRoot?.querySelector('h1')?.textContent);

/** The radios as the app styled them before it drew its own: the engine's, sized. */
const NATIVE_RADIOS = `.radios__input { all: revert; width: 28px; height: 28px; margin: 4px 10px 0 0; accent-color: #0b0c0c; }
  .radios__input::before { content: none; }`;

/** Each kind of form control, on a page that has one: its states are measured there. */
const CONTROLS = [
  { kind: 'radio', address: '/safety', selector: '#danger', checks: true },
  { kind: 'checkbox', address: '/check-answers', selector: '#declaration', checks: true },
  { kind: 'text input', address: '/contact', selector: '#name' },
  { kind: 'file upload', address: '/photos', selector: '#photos' },
];

/** The control's box in screenshot pixels, scrolled into the middle of the viewport (and
 *  drawn there: WebKit scrolls after the script returns). */
const boxOf = (page, selector) => page.evaluate(async (s) => {
  const control = document.querySelector(s);
  control.scrollIntoView({ block: 'center' });
  for (let i = 0; i < 3; i += 1) await new Promise((ok) => requestAnimationFrame(ok));
  const { x, y, width, height } = control.getBoundingClientRect();
  const scale = devicePixelRatio;
  return { x: x * scale, y: y * scale, width: width * scale, height: height * scale };
}, selector);

/** A ratio to two places, rounded down: 2.996 is not 3.00. */
const figure = (ratio) => (Math.floor(ratio * 100) / 100).toFixed(2);

const grow = (box, by) => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });

/** A screenshot of the page once it has stopped changing (two the same in a row: WebKit can
 *  give one drawn before the last change), decoded, and saved as `engines-${name}.png` for a
 *  person to review. */
async function settled(page, name) {
  let [before, png] = [null, await page.screenshot()];
  for (let i = 0; i < 10 && !png.equals(before ?? Buffer.alloc(0)); i += 1) {
    await new Promise((ok) => setTimeout(ok, 50));
    [before, png] = [png, await page.screenshot()];
  }
  writeFileSync(`${SHOTS}engines-${name}.png`, png);
  return decode(png);
}

/** The contrasts of `control`'s boundary and states on `page`, in `scheme`, as
 *  [{ what, ratio, detail }], with the screenshots saved for a person to review. */
async function measure(page, scheme, control) {
  await open(page, control.address, completeDraft({ last_page: 'check-answers' }));
  const box = await boxOf(page, control.selector);
  const shot = (state) => settled(page, `${page.name}-${scheme}-${control.kind.replace(' ', '-')}-${state}`);
  const plain = await shot('plain');
  // Focus as a keyboard gives it (no click yet on the page, so :focus-visible matches).
  await page.evaluate((s) => document.querySelector(s).focus(), control.selector);
  const focused = await shot('focused');
  const boundary = boundaryContrast(plain, box);
  const focus = changeContrast(plain, focused, grow(box, 8));
  const found = [
    { what: 'boundary', ratio: boundary.ratio, detail: `${boundary.colour} on ${boundary.background}` },
    { what: 'focus', ratio: focus.ratio, detail: `${focus.from} to ${focus.to}` },
  ];
  if (control.checks) {
    await page.evaluate(() => document.activeElement?.blur());
    await page.click(control.selector);
    await until(page, `the ${control.kind} checked`, (s) => document.querySelector(s).checked, control.selector);
    await page.evaluate(() => document.activeElement?.blur());
    const checked = changeContrast(plain, await shot('checked'), box);
    found.push({ what: 'checked', ratio: checked.ratio, detail: `${checked.from} to ${checked.to}` });
  }
  return found;
}

for (const name of ENGINES) {
  describe(name, () => {
    let page;
    before(async () => {
      const { launch } = await import(`./engines/${name}.mjs`);
      page = await launch(VIEWPORT);
    });
    after(() => page?.close());

    test('the journey reaches the confirmation, and the receiver stores the complaint', async () => {
      await open(page, `/?policy=north-warwickshire&endpoint=${encodeURIComponent(env.receiver.endpoint)}`);
      await page.click('.button--start');
      await arrived(page, { url: '/safety' });
      const passed = await answer(page, REPAIR);
      assert.ok(passed.length >= 20, `${passed}`);
      assert.equal(await path(page), '/check-answers');
      await page.click('#declaration');
      await next(page);
      assert.equal(await path(page), '/confirmation');
      await until(page, 'the reference', () => document.querySelector('[data-reference]')?.textContent.trim());
      const reference = await page.evaluate(() => document.querySelector('[data-reference]').textContent.trim());
      const record = await stored(env.receiver.url, reference);
      assert.equal(record.submission.complainant.name, 'Zoë O’Brien');
      assert.equal(record.submission.language, 'en');
    });

    test('a reload mid-journey keeps the page and the answers', async () => {
      await open(page, '/?policy=greatwell');
      await page.click('.button--start');
      await arrived(page, { url: '/safety' });
      await answer(page, { '/safety': 'no', '/hazard': 'none', '/who': 'someone-else' });
      assert.equal(await path(page), '/representative');
      await page.type('input[autocomplete="name"]', 'Amira Haddad');
      await page.reload();
      await until(page, 'the page after the reload', () => document.querySelector('input[autocomplete="name"]') !== null);
      assert.equal(await path(page), '/representative');
      assert.equal(await page.evaluate(() => document.querySelector('input[autocomplete="name"]').value), 'Amira Haddad');
    });

    test('the iframe demo starts, and its frame follows the page’s height', async () => {
      await page.goto(`${env.app.url}/demo/iframe.html`);
      await until(page, 'the start page in the frame', frameHeadingIs, FRAME, 'Greatwell');
      const fits = (frame) => {
        const { contentDocument, offsetHeight } = document.querySelector(frame);
        return Math.abs(offsetHeight - contentDocument.body.getBoundingClientRect().height) <= 1;
      };
      await until(page, 'the frame to fit its page', fits, FRAME);
      const height = await page.evaluate((f) => document.querySelector(f).offsetHeight, FRAME);
      await page.evaluate((f) => document.querySelector(f).contentDocument.querySelector('.button--start').click(), FRAME);
      await until(page, 'the first question in the frame', frameHeadingIs, FRAME, 'danger');
      await until(page, 'the frame to fit its new page', fits, FRAME);
      assert.notEqual(await page.evaluate((f) => document.querySelector(f).offsetHeight, FRAME), height);
    });

    test('the mounted demo starts inside its shadow root, under the page’s address', async () => {
      await page.goto(`${env.app.url}/demo/mount.html`);
      await until(page, 'the mounted start page', mountedHeadingIs, 'Greatwell');
      await page.evaluate(() => document.querySelector('[data-resident-complaints]').shadowRoot.querySelector('.button--start').click());
      await until(page, 'the first question', mountedHeadingIs, 'danger');
      assert.match(await path(page), /\/demo\/mount\.html\/safety$/);
    });

    test('in Welsh, the start page and the first questions', async () => {
      await open(page, '/?lang=cy&policy=greatwell');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
      assert.equal(await page.evaluate(() => document.querySelector('h1').textContent), 'Gwneud cwyn i Greatwell Homes');
      // Dates in Welsh, as the app writes them, whatever the engine's own Intl knows.
      assert.match(await page.evaluate(() => document.querySelector('[data-milestone] time').textContent), /^Dydd \S+ \d+ \S+ \d{4}$/);
      await page.click('.button--start');
      await arrived(page, { url: '/safety' });
      assert.match(await page.evaluate(() => document.querySelector('h1').textContent), /perygl/);
      await answer(page, { '/safety': 'no' });
      assert.equal(await path(page), '/hazard');
      assert.equal(await page.evaluate(() => document.querySelector('[data-module="continue"]').textContent), 'Parhau');
    });
  });

  describe(`${name}: the contrast of form controls`, () => {
    for (const scheme of SCHEMES[name]) {
      test(`every control’s boundary and states reach ${NON_TEXT}:1 (${scheme})`, async (t) => {
        const { launch } = await import(`./engines/${name}.mjs`);
        const page = await launch({ ...VIEWPORT, scheme });
        const failures = [];
        try {
          for (const control of CONTROLS) {
            for (const { what, ratio, detail } of await measure(page, scheme, control)) {
              const line = `${control.kind} ${what}: ${figure(ratio)}:1 (${detail})`;
              t.diagnostic(line);
              if (ratio < NON_TEXT) failures.push(line);
            }
          }
        } finally {
          await page.close();
        }
        assert.deepEqual(failures, [], `${name}, ${scheme}: under ${NON_TEXT}:1`);
      });
    }

    if (name === 'webkit') {
      test('the check fails on WebKit’s own radios, as the app showed them before it drew its own', async (t) => {
        const { launch } = await import('./engines/webkit.mjs');
        const page = await launch(VIEWPORT);
        try {
          await open(page, '/safety');
          await page.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), NATIVE_RADIOS);
          const box = await boxOf(page, '#danger');
          const { ratio, colour, background } = boundaryContrast(await settled(page, 'webkit-light-native-radio'), box);
          t.diagnostic(`native radio boundary: ${figure(ratio)}:1 (${colour} on ${background})`);
          assert.ok(ratio < NON_TEXT, `WebKit's own radio ring measured ${ratio}:1`);
        } finally {
          await page.close();
        }
      });
    }
  });
}
