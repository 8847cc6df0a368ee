// The start page in headless Chromium: the landlord's name, the dates its policy promises for
// a fixed day (the browser's clock is set to it), other ways to complain, and axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHRISTMAS, STORED, assertAccessible, completeDraft, openPage, openWithDraft, press, shownMilestones, useApp, visit,
} from './harness.mjs';

// The clock is CHRISTMAS, Wednesday 23 December 2026: Christmas Day, the Boxing Day substitute
// (Monday 28) and New Year's Day fall inside every clock.

const env = useApp();

async function open(path) {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await visit(page, env.app.url + path);
  return page;
}

test('the default profile (the Housing Ombudsman Code) shows its dates for today', async () => {
  const page = await open('/');
  assert.equal(await page.locator('h1').textContent(), 'Make a complaint to your landlord');
  assert.match(await page.locator('main').textContent(), /If you complain today, Wednesday 23 December 2026/);
  assert.deepEqual(await shownMilestones(page), {
    acknowledge_by: { date: '2027-01-04', text: 'Monday 4 January 2027' },
    stage1_response_by: { date: '2027-01-18', text: 'Monday 18 January 2027' },
    stage1_extended_by: { date: '2027-02-01', text: 'Monday 1 February 2027' },
  });
  // The milestones are listed earliest first.
  const order = await page.$$eval('[data-milestone] time', (times) => times.map((t) => t.dateTime));
  assert.deepEqual(order, [...order].sort());
  assert.ok(await page.getByRole('link', { name: 'Housing Ombudsman' }).isVisible());
  // The page's own icon is there (no 404 on every page, as a browser would log).
  const icon = await page.evaluate(async () => {
    const response = await fetch(document.querySelector('link[rel="icon"]').href);
    return [response.status, response.headers.get('content-type')];
  });
  assert.deepEqual(icon, [200, 'image/svg+xml']);
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('?policy=greatwell shows Greatwell Homes and its own clocks', async () => {
  const page = await open('/?policy=greatwell');
  assert.equal(await page.locator('h1').textContent(), 'Make a complaint to Greatwell Homes');
  assert.match(await page.title(), /^Make a complaint to Greatwell Homes/);
  assert.deepEqual(await shownMilestones(page), {
    acknowledge_by: { date: '2026-12-30', text: 'Wednesday 30 December 2026' },
    concern_resolve_by: { date: '2026-12-30', text: 'Wednesday 30 December 2026' },
    stage1_response_by: { date: '2027-01-14', text: 'Thursday 14 January 2027' },
    stage1_extended_by: { date: '2027-01-28', text: 'Thursday 28 January 2027' },
  });
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('a landlord with contacts lists them as working links', async () => {
  const page = await open('/?policy=nottingham');
  assert.equal(
    await page.getByRole('link', { name: '0115 915 7333' }).getAttribute('href'),
    'tel:01159157333',
  );
  assert.equal(
    await page.getByRole('link', { name: 'feedback@nottinghamcity.gov.uk' }).getAttribute('href'),
    'mailto:feedback@nottinghamcity.gov.uk',
  );
  // No acknowledgement time in Nottingham's policy, so none is promised.
  assert.equal((await shownMilestones(page)).acknowledge_by, undefined);
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('both Ombudsmen are named where the policy splits services between them', async () => {
  const page = await open('/?policy=south-cambridgeshire');
  assert.ok(await page.getByRole('link', { name: 'Local Government and Social Care Ombudsman' }).isVisible());
  assert.match(await page.locator('main').textContent(), /Housing options and advice/);
  await assertAccessible(page);
});

test('with answers saved, the start page offers to go back to them, and clears them from the device by keyboard', async () => {
  const page = await openWithDraft(env.browser, env.app.url, completeDraft({ last_page: 'who' }), '/');
  const resume = page.getByRole('region', { name: 'You have answers saved on this device' });
  assert.equal(await resume.getByRole('link').getAttribute('href'), '/who');
  await assertAccessible(page);
  await press(page, page.getByRole('button', { name: 'Clear my answers from this device' }));
  await page.getByRole('button', { name: 'Clear my answers from this device' }).waitFor({ state: 'detached' });
  await page.locator('#page-heading').waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORED.draft('hos-code-2024')), null);
  assert.equal(await page.getByRole('region').count(), 0, 'nothing to go back to');
  assert.deepEqual(page.problems, []);
});

test('an unknown profile gives a clear page, not a blank one', async () => {
  const page = await open('/?policy=no-such-landlord');
  assert.equal(await page.locator('h1').textContent(), 'Sorry, this complaints form is not working');
  assert.match(await page.locator('main').textContent(), /no-such-landlord/);
  assert.match(await page.locator('main').textContent(), /hos-code-2024/);
  await assertAccessible(page);
  // app.js asks for policies/no-such-landlord.json while the wasm loads: the browser logs its 404.
  assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
});

test('on a weak signal, the page says the form is loading until the start page shows', async () => {
  const page = await openPage(env.browser);
  // The start page's wasm held back, as a weak signal would hold it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/first-page_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.app.url}/`);
  const status = page.getByRole('status');
  await status.getByText('Loading the complaints form…').waitFor();
  // In both languages: the app, which knows which one the resident reads, has not started.
  assert.equal(await status.locator('[lang="cy"]').textContent(), 'Wrthi’n llwytho’r ffurflen gwyno…');
  assert.equal(await page.locator('h1').count(), 0, 'no heading until the page is there');
  // Best practice asks every page for a level-one heading; a heading here would name a page
  // that has not arrived (and screen readers would read it twice). WCAG's rules all hold.
  await assertAccessible(page, { except: ['page-has-heading-one'] });
  release();
  await page.locator('h1').waitFor();
  assert.equal(await page.getByText('Loading the complaints form…').count(), 0, 'gone once the page is drawn');
  assert.equal(await page.locator('main').count(), 1, 'one main landmark');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the whole app is fetched in the background only after the start page is painted', async () => {
  const page = await openPage(env.browser);
  // By the service worker, into its cache (sw.js), which the context reports. Its timing is
  // known once it has finished.
  const prefetched = page.context().waitForEvent('requestfinished', (request) => request.url().endsWith('/resident-complaints_bg.wasm'));
  await page.goto(`${env.app.url}/`);
  const request = await prefetched;
  assert.ok(request.serviceWorker(), 'fetched by the service worker');
  // The start page's largest paint, in the same clock as the request's (ms since 1970).
  const painted = await page.evaluate(() => new Promise((resolve, reject) => {
    new PerformanceObserver((list) => {
      const paints = list.getEntries();
      resolve(performance.timeOrigin + paints[paints.length - 1].startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => reject(new Error('no largest-contentful-paint entry')), 5000);
  }));
  const fetched = request.timing().startTime;
  assert.ok(fetched > painted, `the prefetch began ${Math.round(fetched - painted)} ms after the largest paint`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
