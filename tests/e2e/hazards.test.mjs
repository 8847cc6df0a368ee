// Damp and mould under Awaab's Law (issue 18): by keyboard alone on a phone, a resident with
// black mould and a child with asthma, who first told their landlord 15 working days ago,
// reads on the outcome page that the investigation was due on the right date, that it is
// late, and that this can be a complaint; the complaint sent to the real receiver carries the
// hazard and the missed deadline. In Welsh too, axe clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHRISTMAS, DIST, STORED, answerPages, continueWithErrors, assertAccessible, checkPage, chooseRadio, completeDraft, describeComplaint, newDevice, next, openPhone,
  openWithSaved, pathOf, pressSend, recordProblems, referenceOf, repairNotPutRight, start, stored, tabTo,
  typeDate, typeInto, useApp,
} from './harness.mjs';

// The statutory Code's own profile, for a landlord in Wales: the law's dates are England's.
const inWales = JSON.parse(readFileSync(join(DIST, 'policies/hos-code-2024.json'), 'utf8'));
Object.assign(inWales, { id: 'in-wales-test', nation: 'wales', ombudsman: { scheme: 'psow' } });

// The same for a landlord whose profile adds a phase 2 hazard, in force since 1 October 2026.
const withCold = JSON.parse(readFileSync(join(DIST, 'policies/hos-code-2024.json'), 'utf8'));
Object.assign(withCold, {
  id: 'with-cold-test',
  hazards: [{ id: 'excess-cold', name: 'Cold: the home cannot be kept warm', significant_from: '2026-10-01' }],
});

const env = useApp({
  receiver: true,
  files: { '/landlord/in-wales.json': JSON.stringify(inWales), '/landlord/with-cold.json': JSON.stringify(withCold) },
});

/** Ticks a checkbox by keyboard. */
async function tick(page, label) {
  const box = page.getByRole('checkbox', { name: label, exact: true });
  await tabTo(page, box);
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked(), `${label} is ticked`);
}

/** The row of a legal deadline on the page: its state and its words. */
async function deadline(page, id) {
  const row = page.locator(`[data-deadline="${id}"]`);
  return {
    state: await row.getAttribute('data-state'),
    text: (await row.locator('dd').textContent()).replace(/\s+/g, ' ').trim(),
  };
}

/** From the start page to the "who" question: black mould, a child with asthma, spreading,
 *  first told on `told` (by default Wednesday 2 December 2026, 15 working days before
 *  Wednesday 23 December; empty: not told yet). */
async function reportMould(page, { hazard, child, lungs, spreading, told = '2 12 2026' }) {
  await start(page);
  await answerPages(page, { '/safety': 'No' });
  assert.equal(pathOf(page), '/hazard');
  await checkPage(page);
  await chooseRadio(page, hazard);
  await next(page);
  assert.equal(pathOf(page), '/about-the-hazard');
  await tick(page, child);
  await tick(page, lungs);
  await chooseRadio(page, spreading);
  if (told) await typeDate(page, told);
  await checkPage(page);
  await next(page);
  assert.equal(pathOf(page), '/who');
}

/** From the category page to check-answers: the mould in the resident's words, and their
 *  name and email address. */
async function describeMould(page, { description, impact, outcome, name, email }) {
  await describeComplaint(page, { category: 'Damp and mould', description, impact, outcome });
  await typeInto(page, 'Your full name', name);
  await chooseRadio(page, 'Email');
  await typeInto(page, 'Email address', email);
  await next(page);
  assert.equal(pathOf(page), '/check-answers');
}

test('black mould first told 15 working days ago: the investigation is late, and the complaint says so', async () => {
  const endpoint = encodeURIComponent(env.receiver.endpoint);
  const page = await openPhone(env.browser, `${env.app.url}/?endpoint=${endpoint}`, { now: CHRISTMAS });
  await reportMould(page, {
    hazard: 'Yes, damp or mould', child: 'A baby or a child', lungs: 'Someone with a lung or heart condition',
    spreading: 'Yes',
  });
  await answerPages(page, {
    '/who': 'I am complaining for myself', '/connection': 'Tenant',
    ...repairNotPutRight({ '/when': async (p) => { await typeDate(p, '1 11 2026'); await chooseRadio(p, 'Yes'); } }),
  });
  assert.equal(pathOf(page), '/outcome');
  await checkPage(page);

  // Told Wednesday 2 December: the 10th working day after is Wednesday 16 December, and on
  // Wednesday 23 December that is 5 working days ago (17, 18, 21, 22, 23).
  const law = page.locator('[data-hazard="damp-and-mould"]');
  assert.match(await law.textContent(), /They count from the day you first told your landlord: Wednesday 2 December 2026\./);
  assert.deepEqual(await deadline(page, 'investigate_by'), {
    state: 'late', text: 'Late by 5 working days. It was due by Wednesday 16 December 2026.',
  });
  // The summary was due 3 working days after that, on Monday 21 December: 2 days late. The
  // safety work is due today, at the latest.
  assert.equal((await deadline(page, 'written_summary_by')).text, 'Late by 2 working days. It was due by Monday 21 December 2026.');
  assert.deepEqual(await deadline(page, 'safety_work_by'), { state: 'due', text: 'By Wednesday 23 December 2026 at the latest' });
  assert.match(await law.locator('[data-missed]').textContent(), /^A date the law sets has passed\. You can complain to your landlord about this\. Your complaint will say which date was missed\.$/);
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'complaint');

  // On to the complaint and send it.
  await next(page);
  await describeMould(page, {
    description: 'Black mould in my son’s bedroom, spreading since the autumn.',
    impact: 'His asthma is worse.', outcome: 'Treat the mould and fix the cause.',
    name: 'Amira Hassan', email: 'amira@example.org',
  });
  const main = await page.locator('main').textContent();
  assert.ok(main.includes('A baby or a child, Someone with a lung or heart condition'), 'the hazard answers are listed');
  await checkPage(page);
  await pressSend(page);
  const reference = await referenceOf(page);

  // The confirmation shows the law's dates beside the policy's, and so does My complaints;
  // the device keeps the dates, not who in the home the hazard harms.
  assert.equal((await deadline(page, 'investigate_by')).state, 'late');
  await page.getByRole('link', { name: /in My complaints/ }).click();
  await page.getByRole('heading', { level: 1, name: 'My complaints' }).waitFor();
  const item = page.locator(`[data-reference="${reference}"]`);
  await item.locator('[data-deadline="investigate_by"]').waitFor();
  assert.equal((await deadline(page, 'investigate_by')).text, 'Late by 5 working days. It was due by Wednesday 16 December 2026.');
  const [kept] = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORED.tracked);
  assert.equal(kept.hazard.first_told, '2026-12-02');
  assert.deepEqual([kept.hazard.vulnerable, kept.hazard.spreading], [[], null]);
  await checkPage(page);
  // A hazard is never anything but urgent: the way to the emergency page is always there.
  await item.locator('[data-emergency]').click();
  await page.waitForURL(/\/emergency/);

  // Read back from the receiver: the hazard, and the deadlines it says were missed.
  const { submission } = await stored(env.receiver.url, reference);
  assert.equal(submission.hazard.hazard, 'damp-and-mould');
  assert.deepEqual(submission.hazard.vulnerable, ['child', 'lung-or-heart']);
  assert.equal(submission.hazard.spreading, 'yes');
  assert.equal(submission.hazard.first_told, '2026-12-02');
  assert.deepEqual(submission.hazard.missed.map((m) => [m.id, m.due, m.late]), [
    ['investigate_by', '2026-12-16', { working_days: 5 }],
    ['written_summary_by', '2026-12-21', { working_days: 2 }],
  ]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('black mould not yet reported: a hazard report with the law’s dates, not a complaint, stored as one', async () => {
  const endpoint = encodeURIComponent(env.receiver.endpoint);
  const page = await openPhone(env.browser, `${env.app.url}/?endpoint=${endpoint}`, { now: CHRISTMAS });
  await reportMould(page, {
    hazard: 'Yes, damp or mould', child: 'A baby or a child', lungs: 'Someone with a lung or heart condition',
    spreading: 'I’m not sure', told: '',
  });
  // "When did you first tell them?" left empty answers "told before?": it is not asked.
  const passed = await answerPages(page, {
    '/who': 'I am complaining for myself', '/connection': 'Tenant',
    ...repairNotPutRight({ '/when': async (p) => { await typeDate(p, '1 12 2026'); await chooseRadio(p, 'Yes'); } }),
  });
  assert.ok(!passed.includes('/told-before') && !passed.includes('/after-report'), passed.join(' '));
  assert.equal(pathOf(page), '/outcome');
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'hazard-report');
  assert.equal(await page.locator('h1').textContent(), 'Report the hazard to your landlord');
  // Telling them on Wednesday 23 December (day 0): the 10th working day is Monday 11 January
  // 2027, past Christmas Day, the Boxing Day holiday on Monday 28th and New Year's Day.
  assert.deepEqual(await deadline(page, 'investigate_by'), { state: 'due', text: 'By Monday 11 January 2027' });
  assert.match(await page.locator('main').textContent(), /none has passed yet\. So we will send it as a hazard report, with the dates\./);
  await checkPage(page);
  // Sending it as a hazard report goes on to say what is wrong; nothing is refused.
  await chooseRadio(page, 'No');
  assert.match(await page.locator('.inset').last().textContent(), /We will send it as a hazard report/);
  await next(page);
  assert.equal(pathOf(page), '/category');
  await describeMould(page, {
    description: 'Black mould on the bedroom ceiling 🍄 since the cold weather began.',
    impact: 'My daughter coughs at night.', outcome: 'Find the cause and treat the mould.',
    name: 'Siân Ní Bhriain', email: 'sian@example.org',
  });
  assert.ok((await page.locator('main').textContent()).includes('Now send your hazard report'));
  await checkPage(page);
  await pressSend(page, 'Send hazard report');
  const reference = await referenceOf(page);
  assert.equal(await page.locator('h1').textContent(), 'Hazard report sent');
  assert.equal((await deadline(page, 'investigate_by')).state, 'due');
  await checkPage(page);

  const { submission } = await stored(env.receiver.url, reference);
  assert.equal(submission.kind, 'hazard-report');
  assert.deepEqual([submission.triage.outcome, submission.triage.told_before, submission.triage.overridden], ['hazard-report', 'no', false]);
  assert.deepEqual(submission.expected_dates, [], "the law's dates, not the policy's");
  assert.equal(submission.hazard.first_told, null);
  assert.deepEqual(submission.hazard.deadlines[0], { id: 'investigate_by', due: '2027-01-11' });
  assert.deepEqual(submission.hazard.missed, []);
  assert.match(submission.details.description, /🍄/);

  // My complaints names it for what it is.
  await page.getByRole('link', { name: /in My complaints/ }).click();
  const item = page.locator(`[data-reference="${reference}"]`);
  await item.waitFor();
  assert.match(await item.textContent(), /A hazard report/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a hazard the landlord’s profile adds is offered, asked for, and given the law’s dates', async () => {
  const settings = `?policy=${encodeURIComponent('/landlord/with-cold.json')}`;
  const page = await openPhone(env.browser, `${env.app.url}/${settings}`, { now: CHRISTMAS });
  await start(page);
  await answerPages(page, { '/safety': 'No', '/hazard': 'Yes, something else that could harm someone' });
  assert.equal(pathOf(page), '/about-the-hazard');
  // Which hazard is asked first, and must be answered.
  await chooseRadio(page, 'No');
  await continueWithErrors(page);
  assert.match(await page.locator('.error-summary').textContent(), /Select which of these it is, or something else/);
  await checkPage(page);
  assert.deepEqual(
    await page.getByRole('group', { name: 'Which of these is it?' }).getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent)),
    ['Cold: the home cannot be kept warm', 'Something else'],
  );
  await chooseRadio(page, 'Cold: the home cannot be kept warm');
  await typeDate(page, '2 12 2026');
  await checkPage(page);
  await next(page);
  await answerPages(page, {
    '/who': 'I am complaining for myself', '/connection': 'Tenant',
    ...repairNotPutRight({ '/when': async (p) => { await typeDate(p, '1 11 2026'); await chooseRadio(p, 'Yes'); } }),
  });
  assert.equal(pathOf(page), '/outcome');
  // Told on Wednesday 2 December, like the mould: the investigation was due on the 16th.
  assert.equal(await page.locator('[data-hazard]').getAttribute('data-hazard'), 'excess-cold');
  assert.equal((await deadline(page, 'investigate_by')).text, 'Late by 5 working days. It was due by Wednesday 16 December 2026.');
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'complaint');
  await checkPage(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in Welsh, the same dates on the outcome page, axe clean', async () => {
  const context = await newDevice(env.browser, { viewport: { width: 320, height: 740 } });
  const page = recordProblems(await context.newPage());
  await page.clock.setFixedTime(CHRISTMAS);
  const draft = completeDraft({
    hazard: 'damp-and-mould', vulnerable: ['child'], spreading: 'yes',
    first_told: { day: '2', month: '12', year: '2026' }, last_page: 'outcome',
  });
  await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(draft), '/outcome?lang=cy');
  const law = page.locator('[data-hazard="damp-and-mould"]');
  await law.waitFor();
  assert.match(await law.textContent(), /Cyfraith Awaab/);
  assert.deepEqual(await deadline(page, 'investigate_by'), {
    state: 'late', text: '5 diwrnod gwaith yn hwyr. Roedd i fod erbyn Dydd Mercher 16 Rhagfyr 2026.',
  });
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('for a landlord in Wales, damp and mould is asked about and the law is said plainly, with no dates', async () => {
  const context = await newDevice(env.browser, { viewport: { width: 320, height: 740 } });
  // Uncaught errors only: the draft is written from a page of the origin that does not exist.
  const page = recordProblems(await context.newPage(), { uncaughtOnly: true });
  await page.clock.setFixedTime(CHRISTMAS);
  const draft = completeDraft({
    policy_id: 'in-wales-test', hazard: 'damp-and-mould', vulnerable: ['older'], spreading: 'not-sure',
    first_told: { day: '2', month: '12', year: '2026' }, last_page: 'outcome',
  });
  const settings = `?policy=${encodeURIComponent('/landlord/in-wales.json')}`;
  await openWithSaved(page, env.app.url, 'in-wales-test', JSON.stringify(draft), `/hazard${settings}`);
  await page.getByRole('radio', { name: 'Yes, damp or mould' }).waitFor();
  for (const lang of ['en', 'cy']) {
    await page.goto(`${env.app.url}/outcome${settings}&lang=${lang}`);
    const law = page.locator('[data-hazard="damp-and-mould"]');
    await law.waitFor();
    assert.equal(await law.locator('[data-deadline]').count(), 0, 'no legal dates outside England');
    const words = lang === 'en' ? /The dates of Awaab’s Law are for homes in England only\./ : /Mae dyddiadau Cyfraith Awaab ar gyfer cartrefi yn Lloegr yn unig\./;
    assert.match(await law.textContent(), words);
    await assertAccessible(page);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});
