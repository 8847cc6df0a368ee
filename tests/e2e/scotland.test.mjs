// A Scottish landlord's resident, under the built-in SPSO model (`?policy=spso-mchp`): the
// Scottish Public Services Ombudsman and never an English body, and the MCHP's dates counted
// on Scotland's bank holidays, on the start page, the outcome, Check answers and the
// confirmation, with the browser's clock fixed on Wednesday 23 December 2026.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHRISTMAS, assertAccessible, completeDraft, openPage, openWithSaved, pathOf, shownMilestones, useApp, visit,
} from './harness.mjs';

const env = useApp();

// Wednesday 23 December 2026 is day 0. Scotland keeps Christmas Day, the Boxing Day substitute
// (Monday 28), New Year's Day and the 2 January substitute (Monday 4 January 2027), so the
// MCHP's 5th working day is Tuesday 5 January (in England, Monday 4), and the 10th, with the
// extension it allows in exceptional circumstances, Tuesday 12 January.
const MCHP_DATES = {
  stage1_response_by: { date: '2027-01-05', text: 'Tuesday 5 January 2027' },
  stage1_extended_by: { date: '2027-01-12', text: 'Tuesday 12 January 2027' },
};
const SPSO = 'https://www.spso.org.uk/';
const ENGLISH_BODIES = /Housing Ombudsman|Local Government|First-tier Tribunal \(Property Chamber\)|Awaab/;

/** The page names the SPSO, with its freephone, and no English body. */
async function onlySpso(page) {
  const text = await page.locator('main').textContent();
  assert.equal(text.match(ENGLISH_BODIES), null, `an English body on ${pathOf(page)}`);
  const links = await page.$$eval('main a[href]', (as) => as.map((a) => a.href));
  assert.equal(links.filter((l) => /housing-ombudsman\.org\.uk|lgo\.org\.uk/.test(l)).length, 0, pathOf(page));
  return { text, links };
}

test('a Scottish landlord’s resident sees the SPSO and the MCHP’s dates on Scotland’s bank holidays', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  // The start page: the dates, and the other ways to complain and the Ombudsman.
  await visit(page, `${env.app.url}/?policy=spso-mchp`);
  assert.equal(await page.locator('h1').textContent(), 'Make a complaint to your landlord');
  assert.match(await page.locator('main').textContent(), /If you complain today, Wednesday 23 December 2026/);
  assert.deepEqual(await shownMilestones(page), MCHP_DATES);
  const start = await onlySpso(page);
  assert.ok(start.links.includes(SPSO), 'the start page links to the SPSO');
  await assertAccessible(page);

  // A complaint about a repair not put right, answered on this device: the outcome page sends
  // the resident to the SPSO after the landlord's final answer.
  const endpoint = `${env.app.url}/test-receiver/submissions`;
  const settings = `?policy=spso-mchp&endpoint=${encodeURIComponent(endpoint)}`;
  const draft = completeDraft({ policy_id: 'spso-mchp', last_page: 'outcome', issue_date: { day: '1', month: '12', year: '2026' } });
  await openWithSaved(page, env.app.url, 'spso-mchp', JSON.stringify(draft), `/outcome${settings}`);
  assert.equal(await page.locator('h1').getAttribute('data-outcome'), 'complaint');
  assert.equal(await page.locator('[data-ombudsman]').getAttribute('data-ombudsman'), SPSO);
  const outcome = await onlySpso(page);
  assert.match(outcome.text, /Scottish Public Services Ombudsman, phone 0800 377 7330/);
  await assertAccessible(page);

  // Check answers: the same dates, and two months to ask for stage 2.
  await visit(page, `${env.app.url}/check-answers${settings}`);
  assert.deepEqual(await shownMilestones(page), MCHP_DATES);
  assert.match(await page.locator('main').textContent(), /Ask within 2 months of their reply\./);
  await onlySpso(page);

  // Sent: a backend that received it on that Wednesday (the app counts from the receipt).
  let sent;
  await page.route('**/test-receiver/submissions', async (route) => {
    sent = route.request().postDataJSON();
    await route.fulfill({
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify({ reference: 'RC-SCOT-2026', received_at: '2026-12-23T10:00:00+00:00' }),
    });
  });
  await page.locator('input[type=checkbox]').check();
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.waitForURL(/\/confirmation/, { timeout: 60000 });
  await page.locator('[data-reference]').waitFor();
  assert.equal((await page.locator('[data-reference]').textContent()).trim(), 'RC-SCOT-2026');
  assert.deepEqual(await shownMilestones(page), MCHP_DATES);
  const confirmation = await onlySpso(page);
  assert.match(confirmation.text, /Scottish Public Services Ombudsman/);
  assert.ok(confirmation.links.includes(SPSO), 'the confirmation links to the SPSO');
  await assertAccessible(page);
  // What the app sent: the profile, and the dates it promised, as the backend reads them.
  assert.equal(sent.profile.id, 'spso-mchp');
  assert.equal(JSON.stringify(sent).match(/2027-01-05/)?.[0], '2027-01-05');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the policy check compares the SPSO’s model with the MCHP and says so', async () => {
  const page = await openPage(env.browser, { now: CHRISTMAS });
  await visit(page, `${env.app.url}/policy-check?policy=spso-mchp`);
  const lead = await page.locator('[data-standard]');
  assert.equal(await lead.getAttribute('data-standard'), 'spso-mchp');
  assert.match(await lead.textContent(), /This landlord is in Scotland, so this complaints policy is compared with the Scottish Public Services Ombudsman’s Model Complaints Handling Procedure \(MCHP\)/);
  assert.equal(await page.locator('[data-falls-short]').getAttribute('data-falls-short'), '0');
  assert.equal(await page.locator('[data-rule]').count(), 9);
  assert.match(await page.locator('[data-rule="stage1-reply"]').textContent(), /Stage 1 decision within 5 working days of receipt/);
  assert.doesNotMatch(await page.locator('[data-falls-short]').textContent(), /the Code/);
  await assertAccessible(page);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
