// Accessibility beyond the journey's own checks: without JavaScript or when the app cannot
// start, dark mode, forced colours and reduced motion, visible focus, and focus and title on a
// change of page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHOTS, assertAccessible, openPage, useApp } from './harness.mjs';

const env = useApp();

/** The fallback's promise, in English and in Welsh: other ways to complain, and the Ombudsman
 *  with a phone link. */
async function assertOtherWays(page) {
  await page.getByRole('heading', { level: 1, name: 'Make a complaint about your home' }).waitFor();
  assert.match(await page.locator('main').textContent(), /by phone, email, letter or in person/);
  assert.equal(await page.getByRole('link', { name: 'Housing Ombudsman' }).getAttribute('href'),
    'https://www.housing-ombudsman.org.uk/');
  const welsh = page.locator('main [lang="cy"]');
  assert.match(await welsh.textContent(), /dros y ffôn, drwy e-bost, mewn llythyr neu wyneb yn wyneb/);
  assert.equal(await welsh.getByRole('link', { name: 'yr Ombwdsmon Tai' }).getAttribute('href'),
    'https://www.housing-ombudsman.org.uk/');
  const phones = page.getByRole('link', { name: '0300 111 3000' });
  assert.deepEqual(await phones.evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ['tel:03001113000', 'tel:03001113000']);
}

test('without JavaScript, the page says how else to complain', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${env.app.url}/?policy=greatwell`);
  await assertOtherWays(page);
  await page.screenshot({ path: `${SHOTS}no-javascript.png`, fullPage: true });
  // axe-core needs JavaScript: the same markup is checked when the app cannot start, below.
  await context.close();
});

test('when WebAssembly cannot load, the page says the same', async () => {
  const page = await openPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${env.app.url}/`);
  await assertOtherWays(page);
  await assertAccessible(page);
  assert.ok(page.problems.some((p) => p.includes('the app could not start')), 'the failure is logged');
  await page.context().close();
});

test('when WebAssembly cannot load, the configured landlord\'s own contacts are listed too', async () => {
  const page = await openPage(env.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${env.app.url}/?policy=nottingham`);
  await assertOtherWays(page);
  const contacts = page.locator('[data-landlord-contacts]');
  await contacts.getByRole('heading', { level: 2, name: 'Nottingham City Council Housing Services' }).waitFor();
  const links = await contacts.getByRole('link').evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links, [
    ['feedback@nottinghamcity.gov.uk', 'mailto:feedback@nottinghamcity.gov.uk'],
    ['www.nottinghamcity.gov.uk', 'https://www.nottinghamcity.gov.uk'],
    ['0115 915 7333', 'tel:01159157333'],
  ]);
  // The address and the notes, as text.
  assert.match(await contacts.textContent(), /Loxley House, Station Street, Nottingham NG2 3NJ/);
  assert.match(await contacts.textContent(), /They can help you make your complaint\./);
  await assertAccessible(page);
  await page.screenshot({ path: `${SHOTS}wasm-failed-landlord-contacts.png`, fullPage: true });
  await page.context().close();
});

test('moving to another page moves focus to its heading and names it in the title', async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/`);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.waitForURL(/\/safety$/);
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.equal(await page.title(), 'Is anyone in danger right now? – Complain to your landlord');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  assert.equal(await page.title(), 'Error: Is anyone in danger right now? – Complain to your landlord');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/hazard$/);
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.equal(await page.title(), 'Is it about damp, mould or something else in your home that could harm someone? – Complain to your landlord');
  // Back, inside the app: the same again.
  await page.getByRole('link', { name: 'Back' }).click();
  await page.waitForURL(/\/safety$/);
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.deepEqual(page.problems, []);
});

test('every control shows where the focus is', async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.app.url}/safety`);
  await page.getByRole('button', { name: 'Continue' }).click(); // with the error summary's links
  await page.locator('.error-summary').waitFor();
  const seen = new Set();
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== 'none';
      return { what: el.outerHTML.slice(0, 60), visible };
    });
    if (!focus || seen.has(focus.what)) continue;
    seen.add(focus.what);
    assert.ok(focus.visible, `no visible focus on ${focus.what}`);
  }
  assert.ok(seen.size >= 4, `tabbed through ${seen.size} controls`);
});

test('dark mode, forced colours and reduced motion are honoured', async () => {
  for (const [name, media] of [
    ['dark', { colorScheme: 'dark' }],
    ['forced-colours', { forcedColors: 'active' }],
    ['reduced-motion', { reducedMotion: 'reduce' }],
  ]) {
    const page = await openPage(env.browser);
    await page.emulateMedia(media);
    await page.goto(`${env.app.url}/safety`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    await page.screenshot({ path: `${SHOTS}${name}-safety-error.png`, fullPage: true });
    await page.goto(`${env.app.url}/`);
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    await page.screenshot({ path: `${SHOTS}${name}-start.png`, fullPage: true });
    const looks = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      const button = getComputedStyle(document.querySelector('.button--start'));
      return { background: style.backgroundColor, border: button.borderTopStyle };
    });
    // A dark page in dark mode; buttons keep a border where forced colours drop backgrounds.
    if (name === 'dark') assert.equal(looks.background, 'rgb(18, 19, 20)');
    if (name === 'forced-colours') assert.notEqual(looks.border, 'none', 'buttons keep a border');
    await assertAccessible(page);
    assert.deepEqual(page.problems, [], name);
    await page.context().close();
  }
});
