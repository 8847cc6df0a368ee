// The app in Welsh (Cymraeg): the whole journey sent to the real reference receiver, with
// Welsh dates on the confirmation page; no English left in any page (apart from a landlord's
// own texts it has no Welsh for, which say lang="en"); axe-core on every page in Welsh; the
// language link, the browser's languages and the lang setting; and a mounted app's lang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CHRISTMAS, answerPages, assertAccessible, completeDraft, newDevice, openPage, openWithDraft, pathOf, recordProblems,
  referenceOf, shownMilestones, startReceiver, stored, useApp, visit,
} from './harness.mjs';

const PROFILE = readFileSync(new URL('./fixtures/welsh-landlord.json', import.meta.url));
const MOUNT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title><link rel="stylesheet" href="host.css"></head>
<body><main aria-label="Cwynion"><h1>Gwneud cwyn</h1>
<div data-resident-complaints data-policy="greatwell" data-lang="cy"></div>
<script type="module" src="../app.js"></script></main></body></html>`;

// The same landlord, with its Welsh name's forms after words that mutate it.
const MUTATED = JSON.stringify({
  ...JSON.parse(PROFILE),
  id: 'welsh-mutated',
  landlord: { ...JSON.parse(PROFILE).landlord, welsh_mutations: { soft: 'Dai Dyffryn', aspirate: 'Thai Dyffryn' } },
});

const env = useApp({
  receiver: true,
  files: { '/welsh-landlord.json': PROFILE, '/welsh-mutated.json': MUTATED, '/demo/welsh.html': MOUNT },
});

const WEEKDAYS = ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'];
const MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];
/** A date as the Welsh pages write it: "Dydd Gwener 11 Rhagfyr 2026". */
const welshDate = (iso) => {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

// Words of English that are not Welsh words: one of them outside a lang="en" element means
// a text was left untranslated.
const ENGLISH = /\b(the|your|you|and|what|with|have|has|will|this|that|for|about|are|not|when|how|who|they|their|from|select|enter|continue|complaint|landlord’s)\b/i;

/** The page's words that claim to be Welsh: everything outside lang="en" elements, the
 *  resident's answers are in Welsh too, so they need no exception. */
const welshText = (page) => page.evaluate(() => {
  const root = document.querySelector('[data-resident-complaints]')?.shadowRoot ?? document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const words = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const parent = node.parentElement;
    if (parent.closest('[lang]:not([lang="cy"])') || parent.closest('script, style, noscript, [hidden]')) continue;
    words.push(node.textContent);
  }
  return words.join(' ');
});

/** Everything a Welsh page must be: lang="cy", a Welsh title, no English, axe-clean. */
async function checkWelsh(page) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy', `lang on ${pathOf(page)}`);
  const title = await page.title();
  assert.match(title, / – Cwyno i /, `title of ${pathOf(page)}`);
  const errors = await page.locator('.error-summary').count();
  assert.equal(title.startsWith('Gwall: '), errors > 0, `title of ${pathOf(page)}: ${title}`);
  const text = await welshText(page);
  const english = text.match(ENGLISH);
  assert.equal(english, null, `English on ${pathOf(page)}: …${english && text.slice(Math.max(0, english.index - 60), english.index + 60)}…`);
  await assertAccessible(page);
}

async function arrived(page, before) {
  await page.waitForFunction((p) => location.pathname !== p, before);
  await page.locator('h1').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
}

/** Checks the page, then presses Parhau (Continue). */
async function next(page) {
  await checkWelsh(page);
  const before = pathOf(page);
  await page.getByRole('button', { name: 'Parhau', exact: true }).click();
  await arrived(page, before);
}

/** Checks the Check answers page, confirms and sends, and waits for the confirmation. */
async function send(page) {
  await checkWelsh(page);
  await page.locator('input[type=checkbox]').check();
  const sendFrom = pathOf(page);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/confirmation/, { timeout: 60000 }).catch(async () =>
    assert.fail(`not sent: ${pathOf(page)}: ${await page.locator('main').textContent()}`));
  await arrived(page, sendFrom);
}

const choose = (page, value) => page.locator(`input[type=radio][value="${value}"]`).first().check();
const fill = (page, name, text) => page.locator(`[name="${name}"]`).fill(text);

test('a resident completes a complaint in Welsh and sees the dates in Welsh', async () => {
  const context = await newDevice(env.browser);
  const page = recordProblems(await context.newPage(), { uncaughtOnly: true });
  const endpoint = encodeURIComponent(env.receiver.endpoint);
  // A built-in profile, which the reference receiver knows.
  await visit(page, `${env.app.url}/?lang=cy&policy=north-warwickshire&endpoint=${endpoint}`);
  await checkWelsh(page);
  const before = pathOf(page);
  await page.locator('[data-module="start"], .button--start').first().click();
  await arrived(page, before);

  // An unanswered question: the error summary, in Welsh.
  await page.getByRole('button', { name: 'Parhau', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await page.locator('.error-summary').textContent(), /Mae problem/);
  await checkWelsh(page);

  // Each page answered by its radio's value, in whatever order the journey asks.
  const answers = {
    '/safety': 'no', '/hazard': 'none', '/who': 'myself', '/connection': 'tenant', '/kind': 'complaint', '/anti-social-behaviour': 'no',
    '/complained-before': 'no', '/other-process': 'none', '/what-about': 'repair', '/told-before': 'yes',
    '/after-report': 'not-fixed', '/responsibility': 'landlord',
  };
  await answerPages(page, answers, { choose, go: next });
  assert.equal(pathOf(page), '/when');
  // Without an answer, both of the page's questions ask for one, in Welsh.
  await page.getByRole('button', { name: 'Parhau', exact: true }).click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('.error-summary a').count(), 2);
  await checkWelsh(page);
  answers['/when'] = async () => {
    await fill(page, 'issue-date-day', '1');
    await fill(page, 'issue-date-month', '10');
    await fill(page, 'issue-date-year', '2026');
    await choose(page, 'yes'); // still not put right
  };
  await answerPages(page, answers, { choose, go: next });
  assert.equal(pathOf(page), '/outcome');
  await next(page);
  await choose(page, 'repairs');
  await next(page);
  await page.locator('textarea').fill('Mae’r to yn gollwng bob tro mae’n bwrw glaw.');
  await next(page);
  await next(page); // photos
  await choose(page, 'home');
  await next(page);
  await next(page); // done so far
  await page.locator('textarea').fill('Mae llwydni ar y wal.');
  await next(page);
  await page.locator('textarea').fill('Trwsio’r to.');
  await next(page);
  await next(page); // support
  await page.locator('input[autocomplete="name"]').fill('Siân Jones');
  await choose(page, 'email');
  await page.locator('input[type=email]').fill('sian@example.org');
  await next(page);

  assert.equal(pathOf(page), '/check-answers');
  await send(page);
  await checkWelsh(page);
  const dates = await page.$$eval('[data-milestone] time', (times) =>
    times.map((t) => [t.getAttribute('datetime'), t.textContent.trim()]));
  assert.ok(dates.length >= 2, 'the confirmation shows the dates');
  for (const [iso, text] of dates) assert.equal(text, welshDate(iso));
  // The landlord is told the resident wrote in Welsh, so it can reply in Welsh.
  const record = await stored(env.receiver.url, await referenceOf(page));
  assert.equal(record.submission.language, 'cy');
  assert.equal(record.submission.complainant.name, 'Siân Jones');
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** A complete set of answers under the Welsh landlord's profile, given in Welsh. */
const welshAnswers = (overrides = {}) => completeDraft({
  policy_id: 'welsh-landlord', description: 'Llwydni ar wal yr ystafell wely.',
  impact: 'Mae asthma fy merch yn waeth.', outcome_wanted: 'Trin y llwydni.', name: 'Siân Jones',
  ...overrides,
});
const SETTINGS = '?lang=cy&policy=welsh-landlord.json';

test('every page of the app is accessible in Welsh', async () => {
  const pages = ['safety', 'emergency', 'hazard', 'about-the-hazard', 'who', 'representative', 'connection', 'kind', 'feedback',
    'anti-social-behaviour', 'what-about', 'which-decision', 'told-before', 'after-report', 'other-process', 'complained-before', 'when', 'late-reason', 'responsibility',
    'outcome', 'category', 'what-went-wrong', 'photos', 'where', 'done-so-far', 'impact', 'outcome-wanted',
    'support', 'contact', 'check-answers', 'review'];
  const page = await openWithDraft(env.browser, env.app.url, welshAnswers(), `/${SETTINGS}`);
  await checkWelsh(page);
  for (const slug of pages) {
    await visit(page, `${env.app.url}/${slug}${SETTINGS}`);
    await checkWelsh(page);
  }
  // An address that is not a page: its own title, in Welsh.
  await visit(page, `${env.app.url}/no-such-page${SETTINGS}`);
  assert.equal(await page.title(), 'Heb ddod o hyd i’r dudalen');
  assert.equal(await welshText(page).then((text) => text.match(ENGLISH)), null);
  await assertAccessible(page);
  // The policy check is for web teams, in English inside the Welsh frame, and lists the
  // profile's texts without Welsh; a broken setting gets the setup page, in Welsh.
  await page.goto(`${env.app.url}/policy-check${SETTINGS}`);
  await page.locator('[data-untranslated="cy"]').waitFor();
  assert.equal(await page.locator('[data-untranslated="cy"]').getAttribute('data-count'), '4');
  // A landlord in Wales: compared with the Welsh Ombudsman's model policy, not England's Code.
  // The Code's clocks from acknowledgement can run 15 and 25 working days where the model
  // allows 10 and 20.
  const lead = page.locator('[data-standard]');
  assert.equal(await lead.getAttribute('data-standard'), 'psow-model');
  assert.match(await lead.textContent(), /This landlord is in Wales, so this complaints policy is compared with the Public Services Ombudsman for Wales’s Model Complaints Policy, not with the Housing Ombudsman’s Complaint Handling Code/);
  const summary = await page.locator('[data-falls-short]').textContent();
  assert.match(summary, /falls short of the model policy on 2 of the 7 rules checked/);
  assert.equal(await page.locator('[data-rule]').count(), 7);
  assert.equal(await page.locator('[data-verdict="falls-short"]').count(), 2);
  // A landlord in Wales: Awaab's Law is England's.
  assert.match(await page.locator('[data-awaab="no"]').textContent(), /in Wales\. Awaab’s Law is England’s/);
  assert.equal(await welshText(page).then((text) => text.match(ENGLISH)), null);
  await assertAccessible(page);
  await page.goto(`${env.app.url}/?lang=cy&policy=no-such-policy`);
  await page.locator('[data-problem]').waitFor();
  assert.equal(await page.title(), 'Mae’n ddrwg gennym, nid yw’r ffurflen gwyno hon yn gweithio');
  assert.equal(await welshText(page).then((text) => text.match(ENGLISH)), null);
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

/** The Ombudsmen a page names: the websites it links to and the names it shows. */
const ombudsmenShown = (page) => page.evaluate(() => {
  const root = document.querySelector('main') ?? document.body;
  return { links: [...root.querySelectorAll('a[href]')].map((a) => a.href), text: root.textContent };
});
const ENGLISH_BODIES = /Ombwdsmon Tai|Ombwdsmon Llywodraeth Leol|Housing Ombudsman|Local Government and Social Care/;
const PSOW = 'https://www.ombudsman.wales/';

/** A Welsh landlord's page names the Public Services Ombudsman for Wales, in Welsh, with its
 *  phone number and time limit, and no English body. */
async function onlyPsow(page) {
  const { links, text } = await ombudsmenShown(page);
  assert.ok(links.includes(PSOW), `${pathOf(page)} links to the PSOW`);
  assert.ok(links.includes('tel:03007900203'), `${pathOf(page)} gives its phone`);
  assert.equal(links.filter((l) => /housing-ombudsman\.org\.uk|lgo\.org\.uk/.test(l)).length, 0, pathOf(page));
  assert.match(text, /Ombwdsmon Gwasanaethau Cyhoeddus Cymru, ffôn 0300 790 0203/);
  assert.match(text, /o fewn 12 mis/);
  assert.equal(text.match(ENGLISH_BODIES), null, `an English body on ${pathOf(page)}`);
  await checkWelsh(page);
}

test('a Welsh landlord’s resident, in Welsh, is sent to the Public Services Ombudsman for Wales and never an English body', async () => {
  // A receiver that knows the Welsh landlord's profile, beside the built-in ones.
  const fixture = fileURLToPath(new URL('./fixtures/welsh-landlord.json', import.meta.url));
  const receiver = await startReceiver(env.app, { args: ['--policy', fixture] });
  try {
    const settings = `${SETTINGS}&endpoint=${encodeURIComponent(receiver.endpoint)}`;
    const page = await openWithDraft(env.browser, env.app.url, welshAnswers(), `/outcome${settings}`);
    assert.equal(await page.locator('[data-ombudsman]').getAttribute('data-ombudsman'), PSOW);
    await onlyPsow(page);
    await visit(page, `${env.app.url}/check-answers${settings}`);
    await send(page);
    await onlyPsow(page);
    const record = await stored(receiver.url, await referenceOf(page));
    assert.equal(record.submission.language, 'cy');
    // The start page and the setup page name no English body to a Welsh landlord's resident
    // either (the setup page names each nation's Ombudsman, the nation first).
    await visit(page, `${env.app.url}/${settings}`);
    await onlyPsow(page);
    await page.goto(`${env.app.url}/?lang=cy&policy=no-such-policy`);
    await page.locator('[data-problem]').waitFor();
    assert.match(await page.locator('main').textContent(), /Yng Nghymru.*Ombwdsmon Gwasanaethau Cyhoeddus Cymru/s);
    assert.deepEqual(page.problems, []);
  } finally {
    await receiver.stop();
  }
});

test('the Welsh Ombudsman’s model, built in, in Welsh: its dates, the PSOW and its own Welsh words', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await visit(page, `${env.app.url}/?lang=cy&policy=psow-model`);
  assert.equal(await page.locator('h1').textContent(), 'Gwneud cwyn i’ch landlord');
  // 10 working days from Wednesday 23 December 2026, past Christmas, Boxing Day's substitute
  // and New Year's Day.
  assert.deepEqual(await shownMilestones(page), {
    stage1_response_by: { date: '2027-01-11', text: 'Dydd Llun 11 Ionawr 2027' },
  });
  const { links, text } = await ombudsmenShown(page);
  assert.ok(links.includes(PSOW), 'the start page links to the PSOW');
  assert.equal(text.match(ENGLISH_BODIES), null, 'no English body');
  assert.equal(await welshText(page).then((words) => words.match(ENGLISH)), null);
  await assertAccessible(page);
  // A first report: the model's own words, in Welsh (nothing marked English).
  const draft = welshAnswers({ policy_id: 'psow-model', last_page: 'outcome', told_before: 'no', after_report: undefined });
  const outcome = await openWithDraft(env.browser, env.app.url, draft, '/outcome?lang=cy&policy=psow-model');
  assert.equal(await outcome.locator('h1').getAttribute('data-outcome'), 'service-request');
  assert.match(await outcome.locator('main').textContent(), /cais yw hwn, nid cwyn/);
  assert.equal(await outcome.locator('main [lang="en"]').count(), 0);
  assert.equal(await welshText(outcome).then((words) => words.match(ENGLISH)), null);
  await assertAccessible(outcome);
  assert.deepEqual(outcome.problems, []);
  await outcome.context().close();
  await page.context().close();
});

test('a landlord that gives its Welsh name’s forms reads as Welsh after “i” and “â”', async () => {
  const page = await openPage(env.browser);
  const policy = 'welsh-mutated.json';
  await visit(page, `${env.app.url}/?lang=cy&policy=${policy}`);
  assert.equal(await page.locator('h1').textContent(), 'Gwneud cwyn i Dai Dyffryn');
  assert.equal(await page.locator('.header__service').textContent(), 'Cwyno i Dai Dyffryn');
  await visit(page, `${env.app.url}/connection?lang=cy&policy=${policy}`);
  assert.match(await page.locator('h1').textContent(), /â Thai Dyffryn\?/);
  // In English, and for a landlord that gives no forms, the name as written.
  await visit(page, `${env.app.url}/?lang=en&policy=${policy}`);
  assert.equal(await page.locator('h1').textContent(), 'Make a complaint to Tai Dyffryn');
  await visit(page, `${env.app.url}/?lang=cy&policy=welsh-landlord.json`);
  assert.equal(await page.locator('h1').textContent(), 'Gwneud cwyn i Tai Dyffryn');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Sent, My complaints keeps the forms with the submission: "At Dai Dyffryn".
  const fixture = join(mkdtempSync(join(tmpdir(), 'welsh-mutated-')), 'welsh-mutated.json');
  writeFileSync(fixture, MUTATED);
  const receiver = await startReceiver(env.app, { args: ['--policy', fixture] });
  try {
    const settings = `?lang=cy&policy=${policy}&endpoint=${encodeURIComponent(receiver.endpoint)}`;
    const sent = await openWithDraft(env.browser, env.app.url, welshAnswers({ policy_id: 'welsh-mutated' }), `/check-answers${settings}`);
    await send(sent);
    const reference = await referenceOf(sent);
    await visit(sent, `${env.app.url}/my-complaints${settings}`);
    await sent.getByText(reference).first().waitFor();
    assert.match(await sent.locator('main').textContent(), /At Dai Dyffryn/);
    await checkWelsh(sent);
    assert.deepEqual(sent.problems, []);
    await sent.context().close();
  } finally {
    await receiver.stop();
  }
});

test('the outcomes the law sets are in Welsh, and the landlord’s English words say so', async () => {
  for (const [overrides, outcome] of [
    [{ matter: 'decision', decision: 'housing' }, 'other-route'],
    [{ matter: 'decision', decision: 'service-charge' }, 'other-route'],
    [{ prior_complaint: 'answered' }, 'ombudsman'],
    [{ asb: 'handling' }, 'complaint'],
  ]) {
    const page = await openWithDraft(env.browser, env.app.url, welshAnswers({ last_page: 'outcome', ...overrides }), `/outcome${SETTINGS}`);
    assert.equal(await page.locator('h1').getAttribute('data-outcome'), outcome, JSON.stringify(overrides));
    await checkWelsh(page);
    if (outcome === 'ombudsman') {
      // The profile's words for a final answer have no Welsh: shown beside ours, marked English.
      assert.equal(await page.locator('h1').textContent(), 'Mater i’r Ombwdsmon yw hwn nawr');
      assert.ok(await page.locator('.landlord-words [lang="en"]').count() > 0, 'marked lang="en"');
    }
    if (overrides.asb === 'handling') assert.equal(await page.locator('[data-asb-continues]').count(), 1);
    assert.deepEqual(page.problems, [], JSON.stringify(overrides));
    await page.context().close();
  }
});

test('the language link keeps the page and the answers; the browser and the setting choose', async () => {
  const context = await newDevice(env.browser, { locale: 'cy-GB' });
  const page = await context.newPage();
  // The browser's first language is Welsh.
  await visit(page, `${env.app.url}/?policy=greatwell`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  // The default profile's landlord is "eich landlord", which Welsh joins to "i": "i’ch".
  await page.goto(`${env.app.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Gwneud cwyn i’ch landlord' }).waitFor();
  assert.equal(await page.locator('.header__service').textContent(), 'Cwyno i’ch landlord');
  // The lang setting wins over the browser.
  await visit(page, `${env.app.url}/who?policy=greatwell&lang=en`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await choose(page, 'someone-else');
  const link = page.getByRole('link', { name: 'Cymraeg' });
  assert.equal(await link.getAttribute('lang'), 'cy');
  await link.click();
  await page.waitForURL(/lang=cy/);
  await page.locator('h1').waitFor();
  assert.equal(pathOf(page), '/who');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  assert.ok(await page.locator('input[value="someone-else"]').isChecked(), 'the answer is kept');
  assert.match(new URL(page.url()).search, /policy=greatwell/, 'the settings are kept');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  await page.locator('h1').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Moved on in the app, the link's address follows before it can be opened in a new tab.
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/representative/);
  await page.locator('h1').waitFor();
  const later = page.getByRole('link', { name: 'Cymraeg' });
  await later.focus();
  assert.match(await later.getAttribute('href'), /^\/representative\?.*lang=cy/);
  await context.close();
});

test('mounted with data-lang="cy": the app is Welsh and the host page keeps its own lang', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${env.app.url}/demo/welsh.html`);
  const host = page.locator('[data-resident-complaints]');
  await page.waitForFunction(() => document.querySelector('[data-resident-complaints]')?.shadowRoot?.querySelector('h1'));
  // The app's own element inside the shadow root says its language.
  assert.equal(await host.evaluate((el) => el.shadowRoot.querySelector('.app').getAttribute('lang')), 'cy');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const heading = await host.evaluate((el) => el.shadowRoot.querySelector('h1').textContent);
  assert.doesNotMatch(heading, ENGLISH);
  await assertAccessible(page);
  await context.close();
});
