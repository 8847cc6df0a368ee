// Triage faithful to each policy and to the law (issue 14), in headless Chromium by keyboard
// alone, each page checked as in journey.test.mjs: a problem still going on is in time; a time
// limit only some matters answer to; the Ombudsman for the matter, not just the landlord; a
// first complaint about staff; a route the law sets; and a stage 2 review without reasons, sent
// to the real reference receiver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerPages, back, checkPage, chooseRadio, continueWithErrors, myself, next, openPhone, pathOf, referenceOf,
  repairNotPutRight, sendAnyway, start, stored, typeDate, typeInto, useApp, whenAnswer,
} from './harness.mjs';

const HOUSING_OMBUDSMAN = 'https://www.housing-ombudsman.org.uk/';
const LGSCO = 'https://www.lgo.org.uk/';

const env = useApp({ receiver: true });

/** From the start page of `policy`, a resident complaining for themselves with `connection`
 *  answers the questions as `answers` says (see `repairNotPutRight`), by keyboard, until a page
 *  it has no answer for. Resolves to the page and the paths answered. */
async function triage(policy, connection, answers) {
  const page = await openPhone(env.browser, `${env.app.url}/?policy=${policy}`);
  await start(page);
  const passed = await answerPages(page, { ...myself(connection), ...answers });
  return { page, passed };
}

/** The outcome page's id, and its Ombudsman section's websites. */
async function outcomeOf(page) {
  assert.equal(pathOf(page), '/outcome');
  const ombudsman = page.locator('[data-ombudsman]');
  return {
    outcome: await page.locator('h1').getAttribute('data-outcome'),
    ombudsman: (await ombudsman.count()) ? (await ombudsman.getAttribute('data-ombudsman')).split(' ') : [],
  };
}

test('a problem still going on is in time however long ago it started; once ended, an old one asks why', async () => {
  // Town and Country: 6 months, which a good reason can lift. The when page is answered below.
  const answers = repairNotPutRight();
  delete answers['/when'];
  const { page } = await triage('town-and-country', 'Tenant', answers);
  assert.equal(pathOf(page), '/when');
  // Both questions are needed: the date and whether it goes on.
  await continueWithErrors(page);
  const errors = await page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(errors, ['#issue-date-day', '#ongoing']);
  await checkPage(page, '-error');
  // Eight months before the test's clock, and still not put right: no reason is asked.
  await whenAnswer('23 4 2026', 'Yes')(page);
  await next(page);
  const passed = await answerPages(page, answers);
  assert.ok(!passed.includes('/late-reason'), `${passed}`);
  assert.equal((await outcomeOf(page)).outcome, 'complaint');
  await checkPage(page);

  // The same date, but it has ended: out of time, so the resident is asked why it is late.
  for (let i = 0; i < 5 && pathOf(page) !== '/when'; i += 1) await back(page);
  assert.equal(pathOf(page), '/when');
  await chooseRadio(page, 'No');
  await next(page);
  assert.equal(pathOf(page), '/late-reason');
  await checkPage(page);
  assert.deepEqual(page.problems, []);
});

test('under Nottingham, a repair reported before is in time however old; a tenant’s Ombudsman is the Housing Ombudsman', async () => {
  // Nine months ago and ended: Nottingham's 6-month limit bars only what was not raised before.
  const { page, passed } = await triage('nottingham', 'Tenant', repairNotPutRight({
    '/after-report': 'Nobody replied',
    '/when': whenAnswer('23 3 2026', 'No'),
  }));
  assert.ok(passed.includes('/told-before') && !passed.includes('/late-reason'), `${passed}`);
  assert.deepEqual(await outcomeOf(page), { outcome: 'complaint', ombudsman: [HOUSING_OMBUDSMAN] });
  await checkPage(page, '-nottingham-repair');
  assert.deepEqual(page.problems, []);
});

test('a council’s housing applicant with a housing decision is told the review the law sets and the LGSCO', async () => {
  const { page, passed } = await triage('nottingham', 'Applying for housing', repairNotPutRight({
    '/what-about': 'A decision they made that I want changed',
    '/which-decision': 'A housing application, or help because I am homeless',
  }));
  assert.ok(passed.includes('/which-decision') && !passed.includes('/told-before'), `${passed}`);
  assert.deepEqual(await outcomeOf(page), { outcome: 'other-route', ombudsman: [LGSCO] });
  assert.equal(await page.locator('h1').textContent(), 'This has its own process');
  // The law's words first, then Nottingham's own.
  const main = await page.locator('main').textContent();
  assert.match(main, /within 21 days/);
  const theirs = page.locator('.landlord-words');
  assert.equal(await theirs.getAttribute('data-exclusion'), 'housing-review');
  assert.equal(await theirs.getByRole('heading', { level: 2 }).textContent(),
    'What Nottingham City Council Housing Services says');
  assert.match(await theirs.textContent(), /A decision about your housing application or homelessness/);
  assert.ok(main.indexOf('within 21 days') < main.indexOf('A decision about your housing application'),
    'the law’s words come first');
  // The Local Government and Social Care Ombudsman, not the Housing Ombudsman.
  const section = page.locator('[data-ombudsman]');
  assert.ok(await section.getByRole('link', { name: 'Local Government and Social Care Ombudsman' }).isVisible());
  assert.equal(await section.locator(`a[href="${HOUSING_OMBUDSMAN}"]`).count(), 0);
  await checkPage(page, '-housing-decision');
  assert.deepEqual(page.problems, []);
});

test('a first complaint about how staff behaved is a complaint, without asking whether they were told', async () => {
  const { page, passed } = await triage('hos-code-2024', 'Tenant', repairNotPutRight({
    '/what-about': 'How their staff or contractors behaved',
    '/when': whenAnswer('1 10 2026', 'No'), // within the Code's 12 months, and over
  }));
  assert.ok(passed.includes('/what-about') && passed.includes('/when'), `${passed}`);
  assert.ok(!passed.includes('/told-before') && !passed.includes('/after-report'), `${passed}`);
  assert.equal((await outcomeOf(page)).outcome, 'complaint');
  await checkPage(page, '-conduct');
  assert.deepEqual(page.problems, []);
});

test('a service charge goes to the tribunal the law sets, and can still be sent as a complaint', async () => {
  const { page, passed } = await triage('greatwell', 'Leaseholder', repairNotPutRight({
    '/what-about': 'A decision they made that I want changed',
    '/which-decision': 'How much a service charge is',
  }));
  assert.ok(passed.includes('/which-decision'), `${passed}`);
  assert.deepEqual(await outcomeOf(page), { outcome: 'other-route', ombudsman: [HOUSING_OMBUDSMAN] });
  assert.match(await page.locator('main').textContent(), /First-tier Tribunal \(Property Chamber\)/);
  // Greatwell's profile has no words of its own for it.
  assert.equal(await page.locator('.landlord-words').count(), 0);
  await checkPage(page, '-service-charge');
  await sendAnyway(page, 'They never answered my questions about the charge.');
  assert.deepEqual(page.problems, []);
});

test('a stage 2 review is sent without reasons, even where the landlord asks for them', async () => {
  const endpoint = encodeURIComponent(env.receiver.endpoint);
  const page = await openPhone(env.browser, `${env.app.url}/review?policy=greatwell&endpoint=${endpoint}`);
  const reasons = page.getByLabel('Why are you unhappy with their reply? (optional)', { exact: true });
  assert.equal(await reasons.count(), 1);
  assert.match(await page.locator('main').textContent(), /The policy of Greatwell Homes asks you to say why\. You do not have to\./);
  await typeInto(page, 'Reference number of your complaint', 'RC-TEST-0002');
  await typeDate(page, '11 12 2026');
  await typeInto(page, 'Your full name', 'Sam Lee');
  await chooseRadio(page, 'Email');
  await typeInto(page, 'Email address', 'sam@example.org');
  await next(page, 'Send review request');
  assert.equal(pathOf(page), '/confirmation');
  assert.equal(await page.locator('.error-summary').count(), 0);
  assert.match(await page.locator('h1').textContent(), /Review request sent/);
  await checkPage(page);
  const record = await stored(env.receiver.url, await referenceOf(page));
  assert.equal(record.submission.kind, 'escalation');
  assert.deepEqual(record.submission.escalation,
    { reference: 'RC-TEST-0002', stage1_response_date: '2026-12-11', reasons: '' });
  assert.deepEqual(page.problems, []);
});
