// Start now on a first visit, over one weak link (`make first-visit`): how long the first
// question takes to show after Start now, with the app's service worker and with none, when
// the resident presses it at once or after reading the start page for a while. Writes
// docs/first-visit.md (generated: never edit it by hand) and target/first-visit.json.
//
// On a first visit the page and the worker it registers download at the same time, and on a
// weak signal they share it. DevTools' throttling is per page or worker, each with a link of
// its own, so it cannot show that: this throttles the loopback with Linux traffic control
// (`tc`, htb: 400 kbit/s for the server's port), which needs root. Nothing else on the
// machine should use the loopback meanwhile.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launchBrowser, newDevice, serveDist } from './harness.mjs';
import { generatedHeader } from '../sizes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.FIRST_VISIT_RUNS ?? 3);
const RATE = '400kbit';
/** How long the resident reads the start page before pressing Start now, in ms. */
const READING = [0, 4000, 10000];

const tc = (...args) => execFileSync('tc', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Throttles what the server on `port` sends to RATE, in one queue shared by every
 *  connection; `unthrottle` removes it. */
function throttle(port) {
  tc('qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '10', 'r2q', '100000');
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
  tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:20', 'htb', 'rate', RATE, 'ceil', RATE);
  tc('filter', 'add', 'dev', 'lo', 'protocol', 'ip', 'parent', '1:0', 'prio', '1', 'u32',
    'match', 'ip', 'sport', String(port), '0xffff', 'flowid', '1:20');
}
const unthrottle = () => tc('qdisc', 'del', 'dev', 'lo', 'root');

/** Bytes the throttled class has sent so far. */
const sent = () => Number(tc('-s', 'class', 'show', 'dev', 'lo', 'classid', '1:20').match(/Sent (\d+) bytes/)[1]);

/** Waits until the throttled link has sent nothing for a second (at most a minute): what a
 *  closed device had queued would otherwise slow the next run. */
async function quiet() {
  for (let before = -1, now = sent(), end = Date.now() + 60000; now !== before && Date.now() < end; now = sent()) {
    before = now;
    await new Promise((later) => { setTimeout(later, 1000); });
  }
}

/** One first visit: { start, question } in ms, the start page's heading from navigation and
 *  the first question's from pressing Start now after `reading` ms. */
async function firstVisit(browser, url, reading, serviceWorkers) {
  const context = await newDevice(browser, { viewport: { width: 375, height: 740 }, serviceWorkers });
  try {
    const page = await context.newPage();
    const navigated = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
    await page.locator('h1').waitFor({ timeout: 120000 });
    const start = Date.now() - navigated;
    await page.waitForTimeout(reading);
    const pressed = Date.now();
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByRole('heading', { name: 'Is anyone in danger right now?' }).waitFor({ timeout: 120000 });
    return { start, question: Date.now() - pressed };
  } finally {
    await context.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const app = await serveDist(DIST, { compress: true });
  const browser = await launchBrowser();
  const results = { rate: RATE, runs: RUNS, chromium: browser.version(), rows: [] };
  try {
    // Unmeasured: the server compresses each file on its first request.
    await firstVisit(browser, `${app.url}/`, 0, 'block');
    throttle(new URL(app.url).port);
    for (const reading of READING) {
      const row = { reading };
      for (const workers of ['allow', 'block']) {
        const runs = [];
        for (let i = 0; i < RUNS; i += 1) {
          await quiet();
          runs.push(await firstVisit(browser, `${app.url}/`, reading, workers));
        }
        row[workers] = { question: median(runs.map((run) => run.question)), runs };
      }
      results.rows.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    try { unthrottle(); } catch { /* never added: tc failed */ }
    await browser.close();
    await app.close();
  }

  const command = '`make first-visit` (`tests/e2e/first-visit.mjs`)';
  const lines = [
    ...generatedHeader(ROOT, command, 'Start now on a first visit, over one weak link'),
    `In Debian's headless Chromium ${results.chromium}: a new device opens the start page over a link of ${RATE}/s shared by`,
    'every download (Linux traffic control on the loopback), the resident reads it for a while, and presses Start now.',
    'The figure is the time from the press to the first question\'s heading, the median of',
    `${RUNS} runs: with the app's service worker, which keeps the app on the device as the resident reads, and with`,
    'none, when the start page prefetches the question pages\' files instead.',
    '',
    '| reading the start page for | with the service worker | with none |',
    '| ---: | ---: | ---: |',
    ...results.rows.map((row) => `| ${row.reading / 1000} s | ${row.allow.question} ms | ${row.block.question} ms |`),
  ];
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'first-visit.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, 'docs', 'first-visit.md'), `${lines.join('\n')}\n`);
  console.log(`\n${lines.join('\n')}\n\nWritten to target/first-visit.json and docs/first-visit.md`);
}

await main();
