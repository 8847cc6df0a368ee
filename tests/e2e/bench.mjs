// The benchmark (`make bench`): the release build against a peer, the same first question as a
// plain server-rendered GOV.UK Frontend form (tests/e2e/peer/), both served the same way
// (loopback, brotli). Prints a table with each figure's ratio to the peer and writes
// target/bench.json.
//
// - Transfer sizes of what the first page loads, per kind, raw, gzip and brotli.
// - In Debian's headless Chromium through the DevTools protocol, with 4x CPU throttling: time
//   from navigation to the page's heading being visible, and to the page accepting input (the
//   main thread free of long tasks), for the start page (where residents arrive) and for the
//   first question reached directly, on a slow mobile network (150 ms RTT, 1.6 Mbit/s down) and
//   at 400 kbit/s; the median of RUNS runs, each with an empty cache.
// - Lighthouse's mobile scores (performance, accessibility, best practices) for the start
//   page and the first question: the run with the median performance of LIGHTHOUSE_RUNS.
//
// Timings vary with the machine, so they are reported, never checked; sizes are checked by
// the test command (tests/sizes.mjs).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { launch as launchChrome } from 'chrome-launcher';
import { DIST, launchBrowser, serveDist } from './harness.mjs';
import { KINDS, add, measure } from '../sizes.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET = resolve(HERE, '../../target');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
const NETWORKS = {
  'slow mobile': { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  '400 kbit/s': { latency: 150, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 },
};

/** The peer site: its pages, GOV.UK Frontend's built CSS, JS and fonts, in a scratch folder. */
function peerSite() {
  const dir = mkdtempSync(join(tmpdir(), 'peer-'));
  const govuk = resolve(HERE, 'node_modules/govuk-frontend/dist/govuk');
  for (const file of ['index.html', 'safety.html', 'peer.js']) cpSync(join(HERE, 'peer', file), join(dir, file));
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) cpSync(join(govuk, file), join(dir, file));
  cpSync(join(govuk, 'assets'), join(dir, 'assets'), { recursive: true });
  return dir;
}

/** Raw, gzip and brotli sizes of the files a page loaded, per kind (Other: the peer's web
 *  fonts) and in all. */
function sizesOf(root, paths) {
  const rows = {};
  for (const path of paths) {
    const file = join(root, path.endsWith('/') || !extname(path) ? 'index.html' : path);
    add((rows[KINDS[extname(file)] ?? 'Other'] ??= {}), measure(file));
  }
  rows['First page'] = Object.values(rows).reduce((total, row) => add(total, row), {});
  return rows;
}

/** One load of `url` with throttling: { visible, ready } in ms, and the paths it requested. */
async function load(browser, url, network, origin) {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'en-GB' });
  const page = await context.newPage();
  const paths = new Set();
  page.on('request', (request) => {
    const requested = new URL(request.url());
    // Prefetches for later pages (the app's whole journey) are not this page's weight.
    if (requested.origin === origin && !/prefetch/.test(request.headers()['sec-purpose'] ?? '')) {
      paths.add(requested.pathname);
    }
  });
  await page.addInitScript(() => {
    window.bench = { longTasksEnd: 0 };
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        window.bench.longTasksEnd = Math.max(window.bench.longTasksEnd, task.startTime + task.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    // The question is visible at the first frame painted after its heading is in the page.
    const seen = () => {
      if (window.bench.visible === undefined && document.querySelector('h1')) {
        window.bench.visible = 0;
        requestAnimationFrame(() => { window.bench.visible = performance.now(); });
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
      .observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120000 });
  await page.waitForFunction(() => window.bench.visible > 0, null, { timeout: 120000 });
  // A quiet second after the network settles: any long task of starting up has happened.
  await page.waitForTimeout(1000);
  const { visible, longTasksEnd } = await page.evaluate(() => window.bench);
  await context.close();
  return { visible, ready: Math.max(visible, longTasksEnd), paths: [...paths] };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function lighthouseScores(urls) {
  const chrome = await launchChrome({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const scores = {};
    for (const [name, url] of Object.entries(urls)) {
      const runs = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i += 1) {
        const { lhr } = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        });
        runs.push(Object.fromEntries(
          Object.entries(lhr.categories).map(([id, category]) => [id, Math.round(category.score * 100)]),
        ));
      }
      // Lighthouse's own advice for a score that varies from run to run: the run with the
      // median performance score.
      scores[name] = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
      scores[name].performanceRuns = runs.map((run) => run.performance);
    }
    return scores;
  } finally {
    chrome.kill();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;
const ratio = (app, peer) => (app !== undefined && peer ? `${(app / peer).toFixed(2)}×` : '–');

async function main() {
  const peerDir = peerSite();
  const app = await serveDist(DIST, { compress: true });
  const peer = await serveDist(peerDir, { compress: true });
  const sites = {
    app: { root: DIST, server: app, start: `${app.url}/`, question: `${app.url}/safety` },
    peer: { root: peerDir, server: peer, start: `${peer.url}/`, question: `${peer.url}/safety.html` },
  };
  const results = { runs: RUNS, sizes: {}, timings: {}, lighthouse: {} };
  const browser = await launchBrowser();
  try {
    for (const [name, site] of Object.entries(sites)) {
      const origin = new URL(site.server.url).origin;
      results.timings[name] = {};
      for (const pageName of ['start', 'question']) {
        // Unmeasured: the server compresses each file on its first request.
        const unthrottled = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
        const first = await load(browser, site[pageName], unthrottled, origin);
        if (pageName === 'start') results.sizes[name] = sizesOf(site.root, first.paths);
        for (const [network, conditions] of Object.entries(NETWORKS)) {
          const runs = [];
          for (let i = 0; i < RUNS; i += 1) runs.push(await load(browser, site[pageName], conditions, origin));
          results.timings[name][`${pageName} page, ${network}`] = {
            visible: median(runs.map((r) => r.visible)),
            ready: median(runs.map((r) => r.ready)),
          };
        }
      }
    }
  } finally {
    await browser.close();
  }
  for (const [name, site] of Object.entries(sites)) {
    results.lighthouse[name] = await lighthouseScores({ start: site.start, question: site.question });
  }
  await app.close();
  await peer.close();

  const lines = ['', `Benchmark: the app against a plain GOV.UK Frontend form (median of ${RUNS} runs; sizes are the start page's)`, ''];
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  row(['measure', 'app', 'peer', 'app ÷ peer']);
  row(['---', '---:', '---:', '---:']);
  const kinds = ['HTML', 'CSS', 'JS', 'WASM', 'Profile', 'Other', 'First page']
    .filter((kind) => results.sizes.app[kind] || results.sizes.peer[kind]);
  for (const kind of kinds) {
    const [a, p] = [results.sizes.app[kind], results.sizes.peer[kind]];
    for (const encoding of ['raw', 'gzip', 'brotli']) {
      row([`${kind}, ${encoding}`, a ? kb(a[encoding]) : '–', p ? kb(p[encoding]) : '–', ratio(a?.[encoding], p?.[encoding])]);
    }
  }
  for (const when of Object.keys(results.timings.app)) {
    for (const [measure, label] of [['visible', 'visible'], ['ready', 'accepting input']]) {
      const [a, p] = [results.timings.app[when][measure], results.timings.peer[when][measure]];
      row([`${when}, 4× CPU: ${label}`, ms(a), ms(p), ratio(a, p)]);
    }
  }
  for (const pageName of ['start', 'question']) {
    for (const category of ['performance', 'accessibility', 'best-practices']) {
      const [a, p] = [results.lighthouse.app[pageName][category], results.lighthouse.peer[pageName][category]];
      row([`Lighthouse ${category}, ${pageName} page`, a, p, ratio(a, p)]);
    }
    const runs = (site) => results.lighthouse[site][pageName].performanceRuns.join(', ');
    row([`Lighthouse performance, each run, ${pageName} page`, runs('app'), runs('peer'), '']);
  }
  console.log(lines.join('\n'));
  mkdirSync(TARGET, { recursive: true });
  writeFileSync(join(TARGET, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to target/bench.json');
}

await main();
