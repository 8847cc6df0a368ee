// Sending to the real reference receiver: read back intact, exactly once whatever the network
// or the server does (random failures, 503 with Retry-After, a receiver that dies and comes
// back, a browser that goes offline), and a 422 that lands the resident on the right page. The
// receipt's access token, kept on the device, reads the submission's status and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  CHRISTMAS, STORED, everythingStored, assertAccessible, completeDraft, freePort, newDevice, openWithDraft, openWithSaved, pressSend,
  recordEvent, recordProblems, referenceOf, scratchDb, startReceiver, statusOf, stored, useApp, visit,
} from './harness.mjs';

const env = useApp();

/** The receiver's port: always the same, so a receiver that stops comes back at its address. */
let port;

/** Starts a receiver with `args` storing to `db` (a new database unless given). */
async function receiver(args = [], db = scratchDb()) {
  port ??= await freePort();
  return startReceiver(env.app, { port, db, args });
}

/** Runs `use(server)` with a receiver started with `args`, and stops it however it ends. */
async function withServer(args, use) {
  const server = await receiver(args);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

// 20 000 characters, the longest answer allowed (ending in a full stop: ends are trimmed).
const LONG = `${'The damp has spread from the bathroom to the bedroom. '.repeat(400).slice(0, 19999)}.`;

/** A complete set of answers with the longest description allowed. */
const draft = (overrides = {}) => completeDraft({ description: LONG, ...overrides });

/** Opens check-answers on a new device with `answers` saved on it. */
const checkAnswers = (answers, endpoint) =>
  openWithDraft(env.browser, env.app.url, answers, `/check-answers?endpoint=${encodeURIComponent(endpoint)}`);

/** Sends `answers` from check-answers on a new device to the receiver `to`. */
async function send(answers, to) {
  const page = await checkAnswers(answers, to.endpoint);
  await pressSend(page);
  return page;
}

test('a complaint is stored with every answer intact and the same dates', async () => {
  await withServer([], async (server) => {
    const page = await send(draft(), server);
    const reference = await referenceOf(page);
    assert.match(await page.locator('h1').textContent(), /Complaint sent/);
    // A copy to print or save, and the dates from the time the server received it.
    assert.match(await page.locator('.copy').textContent(), /My daughter’s asthma 😷 is worse/);
    assert.ok(await page.locator('[data-milestone="stage1_response_by"] time').count());
    await assertAccessible(page);
    const record = await stored(server.url, reference);
    const body = record.submission;
    assert.ok(body.details.description === LONG, 'the description arrives unchanged');
    assert.equal(body.details.description.length, 20000);
    assert.equal(body.details.impact, 'My daughter’s asthma 😷 is worse. הלחות גרועה');
    assert.equal(body.complainant.name, 'Zoë 👩🏽‍🦱 O’Brien');
    assert.equal(body.profile.id, 'hos-code-2024');
    assert.equal(record.dates_match, true, 'the receiver computes the same dates');
    // The draft leaves the device only after the server has it.
    const left = await page.evaluate((key) => localStorage.getItem(key), STORED.draft('hos-code-2024'));
    assert.ok(!left || (!left.includes('Zoë') && !left.includes('damp')), 'no answers left on the device');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORED.outbox), null);
    // Once the server has it, the device keeps nothing the resident wrote: not their name,
    // contact details, words or support needs, under any key. The copy above is in memory.
    const kept = JSON.stringify(await everythingStored(page));
    for (const written of ['Zoë', 'zoe@example.org', 'asthma', 'Black mould', 'extractor fan']) {
      assert.ok(!kept.includes(written), `"${written}" is still on the device: ${kept}`);
    }
    await page.reload();
    await page.locator('[data-reference]').waitFor();
    assert.equal(await page.locator('.copy').count(), 0, 'the copy is gone after a reload');
    // The copy can be removed from a shared device.
    await page.getByRole('button', { name: 'Remove this from this device' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    assert.deepEqual(page.problems, []);
  });
});

test('the device keeps the access token with the receipt, and it reads the status and nothing else', async () => {
  await withServer([], async (server) => {
    // Sent on Wednesday 23 December 2026 by the device's clock: the dates the policy promises
    // are worked out from then (the start page test shows the same ones).
    const page = recordProblems(await (await newDevice(env.browser)).newPage());
    await page.clock.setFixedTime(CHRISTMAS);
    await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(completeDraft()),
      `/check-answers?endpoint=${encodeURIComponent(server.endpoint)}`);
    await pressSend(page);
    const reference = await referenceOf(page);

    // The receipt, as the app wrote it on the device: the token beside the reference.
    const saved = await page.evaluate((key) => localStorage.getItem(key), STORED.tracked);
    const [receipt] = JSON.parse(saved);
    assert.equal(receipt.kind, 'complaint');
    assert.equal(receipt.reference, reference);
    assert.match(receipt.access_token, /^[0-9a-f]{64}$/, 'a 256-bit token from a v1.1 receiver');
    const token = receipt.access_token;
    // Never shown, also when the confirmation is read back from the device after a reload.
    assert.ok(!(await page.content()).includes(token), 'the token is not on the page');
    await page.reload();
    await page.locator('[data-reference]').waitFor();
    assert.equal((await page.locator('[data-reference]').textContent()).trim(), reference);
    assert.ok(!(await page.content()).includes(token), 'the token is not on the page after a reload');

    // With the token: the status, received today (the receiver's day), and the policy's dates.
    const received = receipt.received_at.slice(0, 10);
    const read = await statusOf(server.url, reference, token);
    assert.equal(read.code, 200, read.text);
    assert.deepEqual(read.body, {
      reference,
      kind: 'complaint',
      received_at: receipt.received_at,
      status: 'received',
      events: [{ status: 'received', date: received }],
      expected_dates: [
        { id: 'acknowledge_by', date: '2027-01-04' },
        { id: 'stage1_response_by', date: '2027-01-18' },
        { id: 'stage1_extended_by', date: '2027-02-01' },
      ],
    });
    // Those are the dates the app sent, and the reference is read in any letter case.
    assert.deepEqual(read.body.expected_dates, (await stored(server.url, reference)).submission.expected_dates);
    assert.deepEqual((await statusOf(server.url, reference.toLowerCase(), token)).body, read.body);

    // Without the token, with a wrong one, or for a reference that does not exist: one 404,
    // the same to the byte, so an answer tells nothing about which references exist.
    const madeUp = reference === 'RC-2345-6789' ? 'RC-2345-678A' : 'RC-2345-6789';
    const nothing = await statusOf(server.url, madeUp, token);
    assert.equal(nothing.code, 404);
    assert.ok(nothing.body?.errors?.length, `a contract error body: ${nothing.text}`);
    const wrong = randomBytes(32).toString('hex');
    for (const [what, answer] of [
      ['no token', await statusOf(server.url, reference)],
      ['a wrong token', await statusOf(server.url, reference, wrong)],
      ['an empty token', await statusOf(server.url, reference, '')],
      ['the token with one character changed', await statusOf(server.url, reference, `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`)],
      ['a made-up reference without a token', await statusOf(server.url, madeUp)],
    ]) {
      assert.deepEqual([answer.code, answer.text], [404, nothing.text], what);
    }
    // The resident's token reads the status only: not the submission, and it records nothing.
    const whole = await fetch(`${server.url}/v1/submissions/${reference}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual([whole.status, await whole.text()], [404, nothing.text], 'the body, with the resident\'s token');
    const byResident = await recordEvent(server.url, reference, { status: 'acknowledged', date: received }, token);
    assert.deepEqual([byResident.code, byResident.text], [404, nothing.text], 'an event, with the resident\'s token');

    // Staff acknowledge it; the resident's token reads that back.
    const recorded = await recordEvent(server.url, reference, { status: 'acknowledged', date: received });
    assert.equal(recorded.code, 201, recorded.text);
    assert.equal(recorded.body.status, 'acknowledged');
    const after = await statusOf(server.url, reference, token);
    assert.equal(after.code, 200, after.text);
    assert.deepEqual(after.body, {
      ...read.body,
      status: 'acknowledged',
      events: [{ status: 'received', date: received }, { status: 'acknowledged', date: received }],
    });
    assert.deepEqual(page.problems, []);
  });
});

test('a receipt kept on the device before access tokens still shows its confirmation', async () => {
  // As the app saved it before contract v1.1 (and as a v1.0 backend's receipt still is).
  const old = {
    receipt: { reference: 'RC-7KQ2-M9XD', received_at: '2026-12-02T10:00:00+00:00' },
    kind: 'complaint',
    body: '',
  };
  const page = recordProblems(await (await newDevice(env.browser)).newPage());
  await page.goto(`${env.app.url}/policies/hos-code-2024.json`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORED.oldSent('hos-code-2024'), JSON.stringify(old)]);
  await visit(page, `${env.app.url}/confirmation`);
  assert.match(await page.locator('h1').textContent(), /Complaint sent/);
  assert.equal((await page.locator('[data-reference]').textContent()).trim(), 'RC-7KQ2-M9XD');
  // Its dates from the day it was received: Wednesday 2 December 2026.
  assert.equal(await page.locator('[data-milestone="acknowledge_by"] time').getAttribute('datetime'), '2026-12-09');
  // The old record, which could hold what the resident wrote, is gone from the device.
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STORED.oldSent('hos-code-2024')), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Sends `count` complaints, each from its own device, and checks each arrived once. */
async function everyOneOnce(server, count) {
  const pages = [];
  for (let i = 0; i < count; i += 1) {
    pages.push(await send(draft({ outcome_wanted: `Marker ${i}` }), server));
  }
  const references = [];
  for (const [i, page] of pages.entries()) {
    const reference = await referenceOf(page, 120000);
    references.push(reference);
    const record = await stored(server.url, reference);
    assert.equal(record.submission.details.outcome_wanted, `Marker ${i}`);
    await page.context().close();
  }
  assert.equal(new Set(references).size, count, 'every submission has its own reference');
  assert.equal(storedCount(server.db), count, 'no submission stored twice');
  return references;
}

/** How many submissions the receiver's database holds (read with Python's sqlite3). */
function storedCount(db) {
  const script = 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from submissions").fetchone()[0])';
  return Number(execFileSync('python3', ['-c', script, db]).toString().trim());
}

test('with half of all requests failing, every one of 20 complaints arrives exactly once', async () => {
  await withServer(['--fail-rate', '0.5'], (server) => everyOneOnce(server, 20));
});

test('with 503 and Retry-After, every one of 20 complaints arrives exactly once', async () => {
  await withServer(['--fail-rate', '0.5', '--fail-status', '503'], (server) => everyOneOnce(server, 20));
});

test('a receiver that stops mid-submission gets the complaint once when it is back', async () => {
  const db = scratchDb();
  let server = await receiver(['--delay-ms', '3000'], db);
  const page = await send(draft(), server);
  await page.waitForTimeout(1000);
  await server.stop();
  await page.getByText('We could not reach the complaints system').waitFor({ timeout: 30000 });
  server = await receiver([], db);
  try {
    const reference = await referenceOf(page);
    const record = await stored(server.url, reference);
    assert.ok(record.submission.details.description === LONG, 'the description arrives unchanged');
    assert.equal(storedCount(db), 1, 'stored once');
  } finally {
    await server.stop();
  }
});

test('offline, the resident is told, and it is sent when the connection returns', async () => {
  await withServer([], async (server) => {
    const page = await checkAnswers(draft(), server.endpoint);
    await page.context().setOffline(true);
    await pressSend(page);
    await page.getByText('You are offline').waitFor({ timeout: 15000 });
    await assertAccessible(page);
    assert.ok(await page.evaluate((key) => localStorage.getItem(key), STORED.outbox), 'kept in the outbox');
    await page.context().setOffline(false);
    const reference = await referenceOf(page);
    await stored(server.url, reference);
    assert.deepEqual(page.problems, []);
  });
});

test('a 422 takes the resident to the page that asked, with the message', async () => {
  await withServer([], async (server) => {
    // An email address the server refuses (the app would have refused it on the contact page).
    const page = await send(draft({ email: 'zoe-at-example' }), server);
    await page.waitForURL(/\/contact/);
    await page.locator('.error-summary').waitFor();
    // Our words (the page's own check, here), at the email field; the server's are for the
    // web team, in the console.
    assert.match(await page.locator('.error-summary').textContent(), /Enter an email address/);
    assert.equal(await page.locator('.error-summary a').first().getAttribute('href'), '#email');
    assert.doesNotMatch(await page.locator('main').textContent(), /is not an email address/);
    // Focus moves in the frame after the summary is drawn.
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary', null, { timeout: 2000 });
    await assertAccessible(page);
    // The answers are still on the device.
    assert.equal(await page.getByLabel('Email address').inputValue(), 'zoe-at-example');
  });
});

test('a stage 2 review request says whether it is in time and is stored as an escalation', async () => {
  await withServer([], async (server) => {
    const page = await (await newDevice(env.browser)).newPage();
    await page.clock.setFixedTime(CHRISTMAS);
    await visit(page, `${env.app.url}/review?policy=greatwell&endpoint=${encodeURIComponent(server.endpoint)}`);
    await page.getByLabel('Reference number of your complaint').fill('RC-TEST-0001');
    await page.getByLabel('Day').fill('11');
    await page.getByLabel('Month').fill('12');
    await page.getByLabel('Year').fill('2026');
    // Greatwell: within 20 working days of the reply (11 December 2026 → 13 January 2027).
    assert.equal(await page.locator('[data-window="open"] time').getAttribute('datetime'), '2027-01-13');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('11');
    assert.equal(await page.locator('[data-window="closed"] time').getAttribute('datetime'), '2026-11-30');
    await page.getByLabel('Why are you unhappy with their reply?').fill('The roof still leaks.');
    await page.getByLabel('Your full name').fill('Sam Lee');
    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByLabel('Phone number').fill('07700 900982');
    await assertAccessible(page);
    await page.getByRole('button', { name: 'Send review request' }).click();
    const reference = await referenceOf(page);
    assert.match(await page.locator('h1').textContent(), /Review request sent/);
    const record = await stored(server.url, reference);
    assert.equal(record.submission.kind, 'escalation');
    assert.equal(record.submission.escalation.reference, 'RC-TEST-0001');
    assert.equal(record.submission.escalation.stage1_response_date, '2026-11-01');
    assert.equal(record.dates_match, true);
  });
});

/** A 4000 × 3000 camera-like JPEG with an EXIF block that carries a GPS position. */
async function cameraJpeg(browserPage, seed) {
  const dataUrl = await browserPage.evaluate((seed) => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d');
    const gradient = ctx.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, `hsl(${seed * 90}, 40%, 70%)`);
    gradient.addColorStop(1, `hsl(${seed * 90 + 40}, 30%, 30%)`);
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 4000, 3000);
    for (let i = 0; i < 60; i += 1) {
      ctx.fillStyle = `hsla(${(i * 37 + seed * 11) % 360}, 35%, ${30 + (i % 5) * 10}%, 0.6)`;
      ctx.beginPath();
      ctx.arc((i * 613) % 4000, (i * 421) % 3000, 80 + (i % 7) * 40, 0, Math.PI * 2);
      ctx.fill();
    }
    return canvas.toDataURL('image/jpeg', 0.95);
  }, seed);
  const jpeg = Buffer.from(dataUrl.split(',')[1], 'base64');
  return Buffer.concat([jpeg.subarray(0, 2), gpsExif(), jpeg.subarray(2)]);
}

/** An APP1 EXIF segment whose GPS IFD says 52° 57' N (Nottingham). */
function gpsExif() {
  const tiff = Buffer.alloc(80);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // IFD0: one entry, the GPS IFD pointer
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22);
  tiff.writeUInt16BE(2, 26); // GPS IFD: latitude reference and latitude
  tiff.writeUInt16BE(0x0001, 28);
  tiff.writeUInt16BE(2, 30);
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt16BE(0x0002, 40);
  tiff.writeUInt16BE(5, 42);
  tiff.writeUInt32BE(3, 44);
  tiff.writeUInt32BE(56, 48);
  tiff.writeUInt32BE(0, 52);
  [52, 1, 57, 1, 0, 1].forEach((n, i) => tiff.writeUInt32BE(n, 56 + i * 4));
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

test('three camera photos arrive resized, each under 500 KB, without their GPS data', async () => {
  await withServer([], async (server) => {
    const page = await checkAnswers(draft({ last_page: 'photos' }), server.endpoint);
    const files = [];
    for (const seed of [1, 2, 3]) {
      const buffer = await cameraJpeg(page, seed);
      assert.ok(buffer.includes(Buffer.from('Exif\0\0', 'latin1')), 'the original carries EXIF');
      files.push({ name: `IMG_000${seed}.jpg`, mimeType: 'image/jpeg', buffer });
    }
    await visit(page, `${env.app.url}/photos?endpoint=${encodeURIComponent(server.endpoint)}`);
    await page.locator('#photos').setInputFiles(files);
    await page.locator('.photo').nth(2).waitFor({ timeout: 30000 });
    // A photo needs a description before going on.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    await assertAccessible(page);
    for (const n of [1, 2, 3]) await page.getByLabel(`Describe photo ${n}`).fill(`Mould on the wall, photo ${n}`);
    await page.getByRole('button', { name: 'Remove photo 3' }).click();
    await page.locator('#photos').setInputFiles([files[2]]);
    await page.locator('.photo').nth(2).waitFor({ timeout: 30000 });
    await page.getByLabel('Describe photo 3').fill('Black mould behind the wardrobe');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/where/);
    await visit(page, `${env.app.url}/check-answers?endpoint=${encodeURIComponent(server.endpoint)}`);
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url() === server.endpoint);
    await pressSend(page);
    // The phone's file names (which can carry a person's name) stay on the device.
    const sent = JSON.parse((await posted).postData()).details.photos;
    assert.deepEqual(sent.map((photo) => photo.name), ['photo-1.jpg', 'photo-2.jpg', 'photo-3.jpg']);
    const record = await stored(server.url, await referenceOf(page));
    const photos = record.submission.details.photos;
    assert.equal(photos.length, 3);
    assert.equal(photos[2].alt, 'Black mould behind the wardrobe');
    for (const photo of photos) {
      const jpeg = Buffer.from(photo.jpeg_base64, 'base64');
      assert.equal(jpeg.readUInt16BE(0), 0xffd8, 'a JPEG');
      assert.ok(jpeg.length < 500 * 1024, `${photo.name} is ${jpeg.length} bytes`);
      assert.deepEqual([photo.width, photo.height], [1600, 1200]);
      assert.ok(!jpeg.includes(Buffer.from('Exif\0\0', 'latin1')), 'no EXIF left');
    }
  });
});

test('another landlord’s complaint, waiting for an endpoint that is down, never holds up the resident’s', async () => {
  const down = await startReceiver(env.app);
  const up = await startReceiver(env.app);
  const context = await newDevice(env.browser);
  try {
    // Queued with no connection, on a visit to Greatwell Homes' form.
    let page = recordProblems(await context.newPage(), { uncaughtOnly: true });
    await openWithSaved(page, env.app.url, 'greatwell', JSON.stringify(completeDraft({ policy_id: 'greatwell' })),
      `/check-answers?policy=greatwell&endpoint=${encodeURIComponent(down.endpoint)}`);
    await context.setOffline(true);
    await pressSend(page);
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, STORED.outbox);
    await page.close();

    // Its endpoint goes down; the connection comes back; the resident complains to another
    // landlord. Theirs is sent while Greatwell's is tried in the background.
    await down.stop();
    await context.setOffline(false);
    page = recordProblems(await context.newPage(), { uncaughtOnly: true });
    const tried = [];
    page.on('request', (req) => req.method() === 'POST' && req.url() === down.endpoint && tried.push(req.url()));
    await openWithSaved(page, env.app.url, 'hos-code-2024', JSON.stringify(completeDraft()),
      `/check-answers?endpoint=${encodeURIComponent(up.endpoint)}`);
    await pressSend(page);
    const reference = await referenceOf(page, 20000);
    assert.equal((await stored(up.url, reference)).submission.complainant.name, completeDraft().name);

    // Greatwell's was tried a few times and waits, unchanged, for a later visit.
    const deadline = Date.now() + 30000;
    while (tried.length < 3 && Date.now() < deadline) await page.waitForTimeout(250);
    assert.equal(tried.length >= 3, true, `tried ${tried.length} times`);
    const outbox = JSON.parse((await everythingStored(page))[STORED.outbox]);
    assert.deepEqual(outbox.map((p) => [p.policy_id, p.endpoint, p.unsendable ?? null]),
      [['greatwell', down.endpoint, null]]);
    assert.deepEqual(page.problems, []);
  } finally {
    await context.close();
    await up.stop();
  }
});
