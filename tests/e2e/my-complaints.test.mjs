// My complaints: a complaint sent through the real app to the real receiver, then read on
// later days with the browser's clock moved on. Late by the right number of working days,
// with stage 2 and the Ombudsman offered; "done" once staff record the response; a calendar
// file of the dates due, and a page that prints; in Welsh; axe clean at 320 px; the review
// form reached by keyboard; and Clear leaves nothing. A complaint that could not be sent in
// 30 days is shown with what was written, to copy or remove, and is never sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CHRISTMAS, STORED, assertAccessible, completeDraft, everythingStored, newDevice, openWithSaved, pressSend,
  recordEvent, recordProblems, referenceOf, startReceiver, storedCount, tabTo, useApp, visit,
} from './harness.mjs';

const env = useApp();

/** Thursday 21 January 2027, 10:00 in London. */
const LATER = new Date('2027-01-21T10:00:00Z');

/** The row of a milestone on the page: its state and its words. */
async function milestone(page, id) {
  const row = page.locator(`[data-milestone="${id}"]`).first();
  const text = (await row.locator('dd').textContent()).replace(/\s+/g, ' ').trim();
  return { state: await row.getAttribute('data-state'), text };
}

/** Sends a complaint on a new 320 px phone whose clock says Wednesday 23 December 2026, to
 *  `receiver`; resolves to { context, page, reference }. The receiver's clock is today's, not
 *  the browser's: the device is then told it received the complaint when the browser sent it,
 *  as a receiver whose clock agreed would have said. */
async function sendAtChristmas(receiver, problems = {}) {
  const context = await newDevice(env.browser, { viewport: { width: 320, height: 740 } });
  const page = recordProblems(await context.newPage(), problems);
  await page.clock.setFixedTime(CHRISTMAS);
  await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(completeDraft()),
    `/check-answers?endpoint=${encodeURIComponent(receiver.endpoint)}`);
  await pressSend(page);
  const reference = await referenceOf(page);
  await page.evaluate((key) => {
    const items = JSON.parse(localStorage.getItem(key));
    items[0].received_at = '2026-12-23T10:00:00+00:00';
    localStorage.setItem(key, JSON.stringify(items));
  }, STORED.tracked);
  return { context, page, reference };
}

const actions = (page) => page.locator('[data-action]').evaluateAll((all) => all.map((a) => a.dataset.action));

test('a complaint left unanswered is late by working days, with stage 2 and the Ombudsman offered', async () => {
  const receiver = await startReceiver(env.app);
  try {
    // Sent on Wednesday 23 December 2026 under the statutory Code's own profile.
    const { context, page, reference } = await sendAtChristmas(receiver);

    // The confirmation links to My complaints.
    await page.getByRole('link', { name: /in My complaints/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My complaints' }).waitFor();
    const item = page.locator(`[data-reference="${reference}"]`);
    assert.match(await item.textContent(), /A complaint: Damp and mould/);
    assert.match(await item.textContent(), new RegExp(reference));
    // On the day it was sent: everything is still to come.
    await item.locator('[data-milestone="stage1_response_by"]').waitFor();
    assert.deepEqual(await milestone(page, 'stage1_response_by'), {
      state: 'due', text: 'Due by Monday 18 January 2027',
    });
    assert.deepEqual(await actions(page), []);

    // A calendar file of the dates still due: an event for each, with the reference and
    // nothing the resident wrote.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('link', { name: 'Add the dates to your calendar' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `complaint-${reference}.ics`);
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n /g, '');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    const events = [...ics.matchAll(/DTSTART;VALUE=DATE:(\d{8})\r\n/g)].map((m) => m[1]);
    assert.equal(events.length, await item.locator('[data-state="due"], [data-state="due-today"]').count());
    assert.ok(events.includes('20270118'), `the stage 1 response, due Monday 18 January 2027: ${events}`);
    assert.match(ics, new RegExp(`SUMMARY:Your landlord replies to your complaint: .*reference ${reference}\r\n`));
    const draft = completeDraft();
    for (const written of [draft.description, draft.impact, draft.name, draft.email]) {
      assert.ok(!ics.includes(written), `the calendar file holds "${written}"`);
    }
    // Printed, the page keeps the complaint and drops its buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print this page' }).isVisible(), false);
    assert.ok(await item.getByText(reference).isVisible());
    await page.emulateMedia({ media: 'screen' });

    // Four weeks on: the response was due on Monday 18 January. Tuesday 19, Wednesday 20 and
    // Thursday 21 are 3 working days late. The acknowledgement was due on Monday 4 January
    // (after Christmas Day, the Boxing Day substitute on the 28th and New Year's Day): 13
    // working days late.
    await page.clock.setFixedTime(LATER);
    await page.reload();
    await item.locator('[data-milestone="stage1_response_by"]').waitFor();
    assert.deepEqual(await milestone(page, 'stage1_response_by'), {
      state: 'late', text: 'Late by 3 working days. It was due by Monday 18 January 2027.',
    });
    assert.equal((await milestone(page, 'acknowledge_by')).state, 'late');
    assert.match((await milestone(page, 'acknowledge_by')).text, /Late by 13 working days/);
    // Chase them, ask for stage 2, or go to the Ombudsman: the Code's 5 + 10 working days
    // from Wednesday 23 December also ended on Monday 18 January.
    assert.deepEqual(await actions(page), ['chase', 'review', 'ombudsman']);
    assert.match(await page.locator('[data-action="ombudsman"]').textContent(), /Housing Ombudsman/);
    await assertAccessible(page);

    // Staff record the response; the page reads it through the resident's access token.
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await recordEvent(receiver.url, reference, { status: 'responded', date: today });
    assert.equal(recorded.code, 201, recorded.text);
    await page.reload();
    await item.locator('[data-milestone="stage1_response_by"][data-state="done"]').waitFor();
    assert.match((await milestone(page, 'stage1_response_by')).text, /Done on/);
    assert.equal(await page.locator('[data-status-note]').count(), 0, 'the status was read');
    // Answered at stage 1: a review, not yet the Ombudsman (the landlord has a stage 2).
    assert.deepEqual(await actions(page), ['review']);

    // By keyboard alone, to the review form with the reference filled in.
    const review = page.getByRole('link', { name: 'Ask for a review' });
    await tabTo(page, review);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/review/);
    await page.locator('h1').waitFor();
    assert.equal(await page.locator('#review-reference').inputValue(), reference);
    assert.deepEqual(page.problems, []);
    await context.close();
  } finally {
    await receiver.stop();
  }
});

test('in Welsh, and with a backend that cannot say, the policy dates stand with a note', async () => {
  const receiver = await startReceiver(env.app);
  let stopped = false;
  const { context, page, reference } = await sendAtChristmas(receiver, { uncaughtOnly: true });
  try {
    // The receiver goes away: its status cannot be read.
    await receiver.stop();
    stopped = true;
    await page.clock.setFixedTime(LATER);
    await visit(page, `${env.app.url}/my-complaints?lang=cy`);
    assert.equal(await page.locator('h1').textContent(), 'Fy nghwynion');
    await page.locator('[data-status-note]').waitFor();
    assert.match(await page.locator('[data-status-note]').textContent(), /polisi/);
    assert.match((await milestone(page, 'stage1_response_by')).text, /3 diwrnod gwaith yn hwyr/);
    assert.deepEqual(await actions(page), ['chase', 'review', 'ombudsman']);
    assert.ok(await page.locator(`[data-reference="${reference}"]`).count());
    await assertAccessible(page);

    // Clear everything: a warning first, then nothing of the app's is left on the device.
    await page.getByRole('button', { name: 'Clirio popeth o’r ddyfais hon' }).click();
    await page.getByRole('button', { name: 'Ydw, clirio popeth' }).click();
    await page.getByRole('status').waitFor();
    assert.deepEqual(await everythingStored(page), {});
    assert.equal(await page.locator('[data-reference]').count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    if (!stopped) await receiver.stop();
  }
});

test('a complaint that could not be sent in 30 days is never sent: it is shown with what was written, to copy or remove', async () => {
  const receiver = await startReceiver(env.app);
  const context = await newDevice(env.browser, { viewport: { width: 320, height: 740 } });
  try {
    // Sent with no connection on Wednesday 23 December 2026: it waits on the device.
    let page = recordProblems(await context.newPage());
    await page.clock.setFixedTime(CHRISTMAS);
    await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(completeDraft()),
      `/check-answers?endpoint=${encodeURIComponent(receiver.endpoint)}`);
    await context.setOffline(true);
    await pressSend(page);
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORED.outbox);
    await page.close();

    // Back online on Friday 5 February 2027, 44 days on.
    await context.setOffline(false);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.app.url });
    page = recordProblems(await context.newPage());
    await page.clock.setFixedTime(new Date('2027-02-05T10:00:00Z'));
    await visit(page, `${env.app.url}/my-complaints?endpoint=${encodeURIComponent(receiver.endpoint)}`);
    const unsent = page.locator('[data-unsent="too_old"]');
    await unsent.waitFor();
    const shown = (await unsent.textContent()).replace(/\s+/g, ' ');
    assert.match(shown, /A complaint: Damp and mould Not sent/);
    assert.match(shown, /It could not be sent within 30 days, so it will not be sent now\./);
    const draft = completeDraft();
    for (const written of [draft.description, draft.impact, draft.outcome_wanted]) {
      assert.ok(shown.includes(written), `shown: ${written}`);
    }
    await assertAccessible(page);

    // Copied as text, ready to paste.
    await unsent.getByRole('button', { name: 'Copy what you wrote' }).click();
    await unsent.getByRole('status').getByText('Copied.', { exact: false }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    for (const written of ['What went wrong', draft.description, draft.impact, draft.outcome_wanted]) {
      assert.ok(copied.includes(written), `copied: ${written}`);
    }

    // Never sent, however long the page is open.
    await page.waitForTimeout(1500);
    assert.equal(storedCount(receiver.db), 0);
    assert.equal((await everythingStored(page))[STORED.outbox] !== undefined, true);

    // Removed: gone from the page and the device, and focus is on the heading.
    await unsent.getByRole('button', { name: 'Remove it from this device' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-unsent]'));
    assert.equal(await page.evaluate(() => document.activeElement.id), 'page-heading');
    assert.equal((await everythingStored(page))[STORED.outbox], undefined);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await receiver.stop();
  }
});
