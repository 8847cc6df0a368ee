// The resident's journey in headless Chromium, by keyboard alone (Tab, Space, Enter, arrow
// keys; no clicks) on a 360 × 740 phone: as a resident, as a representative, and a compliment.
// Every page is checked with axe-core (error states too), must not scroll sideways at 320 px,
// and is saved as a screenshot in test-results/screenshots/ for a person to review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHRISTMAS, STORED, answerPages, describeComplaint, assertAccessible, checkPage, chooseRadio, continueWithErrors, follow, myself,
  newDevice, next, openPage, openPhone, openWithSaved, pathOf, press, repairNotPutRight, sendAnyway,
  shownMilestones, start, tabTo, typeInto, useApp, visit, whenAnswer,
} from './harness.mjs';

const env = useApp();

const open = (path, options) => openPhone(env.browser, env.app.url + path, options);

/** The first answers of someone complaining for a resident. */
const forSomeoneElse = { '/safety': 'No', '/hazard': 'No', '/who': 'I am complaining for someone else' };

/** The triage answers of a repair reported before and not put right, still not put right. */
async function triageAsComplaint(page) {
  const passed = await answerPages(page, repairNotPutRight());
  for (const question of ['/kind', '/what-about', '/told-before', '/after-report', '/when', '/responsibility']) {
    assert.ok(passed.includes(question), `${question} is asked: ${passed}`);
  }
  assert.equal(pathOf(page), '/outcome');
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'complaint');
}

const DESCRIPTION = 'The bathroom ceiling leaks 🚿 every time it rains. מים דולפים. Reported three times since August.';
const LEAK = {
  category: 'Repairs', description: DESCRIPTION,
  impact: 'Mould on the wall; my son’s asthma is worse.', outcome: 'Fix the roof by the end of January.',
};

test('a resident completes a complaint by keyboard alone and sees the dates', async () => {
  const page = await open('/');
  await start(page);

  // An unanswered question: the error summary is shown, focused and accessible.
  await continueWithErrors(page);
  // Focus moves in the frame after the summary is drawn.
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 2000 });
  assert.match(await page.title(), /^Error: Is anyone in danger right now\?/);
  await checkPage(page, '-error');

  await answerPages(page, myself());
  await triageAsComplaint(page);
  await next(page);
  await describeComplaint(page, LEAK);

  assert.equal(pathOf(page), '/contact');
  await typeInto(page, 'Your full name', 'Zoë 👩🏽‍🦱 O’Brien');
  await chooseRadio(page, 'Email');
  await typeInto(page, 'Email address', 'not-an-email');
  await continueWithErrors(page);
  assert.match(await page.locator('.error-summary').textContent(), /Enter an email address in the right format/);
  await checkPage(page, '-error');
  await tabTo(page, page.getByLabel('Email address', { exact: true }));
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('zoe@example.org');
  await next(page);

  assert.equal(pathOf(page), '/check-answers');
  const main = await page.locator('main').textContent();
  assert.ok(main.includes(DESCRIPTION), 'the description with emoji and right-to-left text');
  assert.ok(main.includes('Zoë 👩🏽‍🦱 O’Brien'));
  assert.deepEqual(await shownMilestones(page), {
    acknowledge_by: { date: '2027-01-04', text: 'Monday 4 January 2027' },
    stage1_response_by: { date: '2027-01-18', text: 'Monday 18 January 2027' },
    stage1_extended_by: { date: '2027-02-01', text: 'Monday 1 February 2027' },
  });
  await checkPage(page);

  // A change link goes to the question and comes straight back.
  await follow(page, page.locator('[data-page="where"] a'), /\/where/);
  await chooseRadio(page, 'In a shared area');
  await typeInto(page, 'Where exactly?', 'The stairwell of 1 to 20 Park Road');
  await next(page);
  assert.equal(pathOf(page), '/check-answers');
  assert.match(await page.locator('[data-page="where"]').textContent(), /In a shared area\s*The stairwell of 1 to 20 Park Road/);
  assert.deepEqual(page.problems, []);
});

test('a representative completes a complaint by keyboard alone', async () => {
  const page = await open('/?policy=nottingham');
  await start(page);
  await answerPages(page, forSomeoneElse);
  assert.equal(pathOf(page), '/representative');
  // Nottingham needs the resident's agreement in writing.
  assert.equal(await page.getByRole('radio', { name: 'They are with me now and agree' }).count(), 0);
  await typeInto(page, 'Your full name', 'Amira Haddad');
  await typeInto(page, 'How do you know the resident?', 'Support worker');
  await chooseRadio(page, 'They have given me their agreement in writing');
  await chooseRadio(page, 'Both of us');
  await typeInto(page, 'Your phone number (optional)', '0115 496 0000');
  await next(page);
  assert.match(await page.locator('h1').textContent(), /What is the resident’s connection to Nottingham/);
  await chooseRadio(page, 'Tenant');
  await next(page);
  await triageAsComplaint(page);
  await next(page);
  await describeComplaint(page, LEAK);
  assert.match(await page.locator('main').textContent(), /These are the resident’s details/);
  await typeInto(page, 'The resident’s full name', 'Mr D');
  await chooseRadio(page, 'Letter');
  await typeInto(page, 'Address', '1 Park Road\nNottingham');
  await typeInto(page, 'Postcode', 'ng2 3nj');
  await next(page);
  assert.equal(pathOf(page), '/check-answers');
  assert.match(await page.locator('[data-page="representative"]').textContent(), /Amira Haddad\s*Support worker/);
  // Nottingham replies within 10 working days of receipt (no acknowledgement time given).
  assert.deepEqual(await shownMilestones(page), {
    stage1_response_by: { date: '2027-01-11', text: 'Monday 11 January 2027' },
    stage1_extended_by: { date: '2027-01-25', text: 'Monday 25 January 2027' },
  });
  assert.deepEqual(page.problems, []);
});

test('a compliment takes the short path', async () => {
  const page = await open('/?policy=greatwell');
  await start(page);
  await answerPages(page, { ...myself('Leaseholder'), '/kind': 'Say thank you' });
  assert.equal(pathOf(page), '/feedback');
  await typeInto(page, 'What would you like to tell them?', 'Dave fixed our boiler on Christmas Eve. Thank you!');
  await next(page);
  await next(page); // support
  await typeInto(page, 'Your full name', 'Sam Lee');
  await chooseRadio(page, 'Phone');
  await typeInto(page, 'Phone number', '07700 900982');
  await next(page);
  assert.equal(pathOf(page), '/check-answers');
  const main = await page.locator('main').textContent();
  assert.match(main, /Say thank you/);
  assert.match(main, /Dave fixed our boiler/);
  assert.deepEqual(await shownMilestones(page), {}, 'no complaint dates for a compliment');
  assert.deepEqual(page.problems, []);
});

test('a matter for another route says where to go, and can still be sent', async () => {
  const page = await open('/?policy=town-and-country');
  await start(page);
  await answerPages(page, {
    ...myself(),
    '/kind': 'Tell them something has gone wrong',
    '/anti-social-behaviour': 'Yes, it is about what a neighbour or someone else is doing',
  });
  assert.equal(pathOf(page), '/outcome');
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'anti-social-behaviour');
  // Without a choice, the page asks for one.
  await continueWithErrors(page);
  await checkPage(page, '-error');
  await sendAnyway(page, 'They never replied to my reports.');
  assert.deepEqual(page.problems, []);
});

test('answers and the page survive a reload and a browser restart', async () => {
  const context = await newDevice(env.browser);
  const page = await open('/?policy=greatwell', { context });
  await start(page);
  await answerPages(page, forSomeoneElse);
  await typeInto(page, 'Your full name', 'Zoë O’Brien 🌈');
  await typeInto(page, 'How do you know the resident?', 'Daughter');

  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(pathOf(page), '/representative');
  assert.equal(await page.getByLabel('Your full name', { exact: true }).inputValue(), 'Zoë O’Brien 🌈');
  assert.equal(await page.getByLabel('How do you know the resident?').inputValue(), 'Daughter');

  // A new browser with the same storage: the start page offers to continue.
  const storageState = await context.storageState();
  await context.close();
  const reopened = await newDevice(env.browser, { storageState });
  const again = await open('/?policy=greatwell', { context: reopened });
  await follow(again, again.getByRole('link', { name: 'Continue where you left off' }), /\/representative/);
  assert.equal(await again.getByLabel('Your full name', { exact: true }).inputValue(), 'Zoë O’Brien 🌈');
  await visit(again, env.app.url + '/who?policy=greatwell');
  assert.ok(await again.getByRole('radio', { name: 'I am complaining for someone else' }).isChecked());

  // "Clear my answers from this device" removes them.
  await press(again, again.getByRole('button', { name: 'Clear my answers from this device' }));
  await again.waitForURL((url) => url.pathname === '/');
  const saved = await again.evaluate((key) => localStorage.getItem(key), STORED.draft('greatwell'));
  assert.ok(!saved || !saved.includes('Zoë'), 'the answers are gone from the device');
  assert.equal(await again.getByRole('link', { name: 'Continue where you left off' }).count(), 0);
  await reopened.close();
});

test('a draft saved by another version of the app is discarded with a message', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await openWithSaved(page, env.app.url, 'hos-code-2024', '{"version":0,"asb":"maybe"}', '/');
  assert.match(await page.locator('main').textContent(), /We could not open your saved answers/);
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
});

test('danger shows the emergency numbers first; an old complaint about staff asks for a good reason', async () => {
  const page = await open('/?policy=nottingham');
  await start(page);
  await chooseRadio(page, 'Yes');
  await next(page);
  assert.equal(pathOf(page), '/emergency');
  assert.match(await page.locator('main').textContent(), /call 999 now/);
  // Awaab's Law (England): any danger in the home made safe within 24 hours of being told.
  assert.match(await page.locator('[data-awaab]').textContent(), /make it safe within 24 hours of being told/);
  assert.equal(await page.getByRole('link', { name: '0800 111 999' }).getAttribute('href'), 'tel:0800111999');
  await checkPage(page);
  await follow(page, page.getByRole('button', { name: 'Continue with my complaint' }), /\/hazard/);
  await chooseRadio(page, 'No');
  await next(page);
  // How staff behaved is a complaint the first time: it was not raised before, so Nottingham's
  // limit (the last 6 months, unless there is a good reason) applies to it.
  const passed = await answerPages(page, {
    ...myself(),
    ...repairNotPutRight({
      '/what-about': 'How their staff or contractors behaved',
      '/when': whenAnswer('3 3 2026', 'No'), // over 9 months ago, and it has ended
      '/late-reason': (p) => typeInto(p, 'Why could you not tell them sooner?', 'I was in hospital from March to October.'),
    }),
  });
  assert.ok(!passed.includes('/told-before') && !passed.includes('/after-report'), `${passed}`);
  assert.ok(passed.includes('/late-reason'), `${passed}`);
  assert.equal(pathOf(page), '/outcome');
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'complaint');
  assert.deepEqual(page.problems, []);
});
