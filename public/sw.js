// The app's service worker: it keeps the app on the device, so that a second visit, a reload
// mid-journey or a visit with no signal starts from the device (docs/performance.md, "Offline
// and returning visits"). Plain JavaScript from the app's own origin, no third party; app.js
// registers it on the app's own page (and so in the iframe), its scope the app's folder.
//
// - The app's files, listed by the build with each one's SHA-256 (BUILD, written in by
//   .ci/service-worker.mjs), are kept in a cache of this version alone, and always answered
//   from it: a page never gets one version's wasm-bindgen module with another's wasm. An
//   update keeps them all as it installs. A first visit, often on the weak signal the worker
//   is for, keeps the page's frame as it installs and the wasm files after it takes over, one
//   at a time: first those the page says its next pages need, then the rest, smallest first.
//   So the next page's wasm is not slowed by the others. A page of the app (an address of one
//   word under the scope, such as /safety, or the scope itself) is the cached index.html, as
//   the server's fallback is.
// - The profile in use: from the network first, so a change to it reaches residents within
//   FRESH_MS; the copy kept from the last answer when there is no answer within PATIENCE_MS.
//   A copy this worker fetched less than FRESH_MS ago is answered at once: Start now's page
//   is not held up by the start page's profile fetched again behind a download.
// - Everything else goes to the network untouched and is never kept: the endpoint (its
//   status reads too), every POST, other sites, the policy check and the demo pages. Nothing a
//   resident writes is ever put in a cache: the draft and the outbox are in localStorage,
//   which a worker cannot read.
// - A new build changes this file's bytes (the list of files and their hashes), so browsers
//   install it when they next check (on a visit): it keeps the new files, takes over at once,
//   and deletes the old version's cache. A page already open keeps the version it started
//   with (its code is in memory); the next page it loads is the new version's.

// Written by .ci/service-worker.mjs: { version, files: [[path, integrity or ""], ...] }. Null
// in a development build (trunk serve), where the worker keeps nothing.
const BUILD = null;

/** How long the profile may take from the network before the kept copy is used instead: long
 *  enough for a slow connection, short enough for none. */
const PATIENCE_MS = 3000;

/** How long a profile this worker has just fetched answers without the network: the time
 *  between the start page and Start now, for a resident who reads it. */
const FRESH_MS = 60000;

const scope = new URL(self.registration.scope);
// Cache Storage is the origin's: another deployment of the app on this origin (another folder)
// has caches of its own, named after its scope.
const PREFIX = `resident-complaints ${scope.href} `;
const APP = `${PREFIX}app ${BUILD?.version}`;
const KEPT = `${PREFIX}profile`;
const files = new Map((BUILD?.files ?? []).map(([path, integrity]) => [new URL(path, scope).href, integrity]));
const INDEX = new URL('index.html', scope).href;

/** The addresses of the profiles kept (KEPT's keys): read when the worker starts, and added
 *  to as pages ask, so that `fetch` can tell at once whether to answer. */
const kept = new Set();
/** When this worker last had each kept profile from the network (Date.now(), by address);
 *  forgotten when the browser stops the worker, and the network is asked again. */
const fetchedAt = new Map();
const keptRead = BUILD && caches.open(KEPT)
  .then((cache) => cache.keys())
  .then((requests) => requests.forEach((request) => kept.add(request.url)))
  .catch(() => {});

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    if (BUILD) {
      // An update keeps every file before it takes over, while the version before it answers.
      // A first visit keeps only the page's frame here: the wasm files (and their modules) are
      // kept after, in order (keepApp), so that the page the resident opens next is not held
      // up by a download of every file at once on a weak signal.
      const now = [...files.keys()].filter((address) => self.registration.active || !isWasm(address));
      await Promise.all(now.map(keepFile));
    }
    await self.skipWaiting();
  })());
});

/** Whether an app file is a wasm, or the wasm-bindgen module that loads one. */
const isWasm = (address) => address.endsWith('.wasm') || (address.endsWith('.js') && files.has(address.replace(/\.js$/, '_bg.wasm')));

/** Files being fetched into this version's cache, by address: a page asking for a file that
 *  keepApp is fetching waits for that fetch rather than starting another. */
const fetching = new Map();

/** Fetches an app file into this version's cache, once. Past the HTTP cache, which could hold
 *  an older release's bytes; a code file must be the build's to the byte (its integrity), or
 *  it is not kept. */
function keepFile(address) {
  if (!fetching.has(address)) {
    fetching.set(address, (async () => {
      const response = await fetch(address, { cache: 'no-cache', integrity: files.get(address) || undefined });
      if (!response.ok) throw new Error(`${address}: ${response.status}`);
      await (await caches.open(APP)).put(address, await unredirected(response));
    })().finally(() => fetching.delete(address)));
  }
  return fetching.get(address);
}

/** Keeps every app file not kept yet, one at a time, so each is whole as soon as it can be:
 *  first those in `next` (the start page names the question pages' files, then the whole
 *  app's), then the rest in the build's order (smallest first). Asked by every page (its
 *  `keep` message); a file that fails is tried again by the next page. */
let keeping;
function keepApp(next) {
  keeping ??= (async () => {
    const cache = await caches.open(APP);
    for (const address of new Set([...next.filter((address) => files.has(address)), ...files.keys()])) {
      if (!(await cache.match(address))) await keepFile(address).catch(() => {});
    }
  })().finally(() => { keeping = undefined; });
  return keeping;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Only this version's files are kept; a development build keeps nothing at all.
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && (!BUILD || (name !== APP && name !== KEPT))) await caches.delete(name);
    }
    if (!BUILD) kept.clear();
    await self.clients.claim();
  })());
});

// A page names the profile it uses, to be kept (the first visit's did not come through this
// worker), and the app files its next pages need: { type: 'resident-complaints:keep',
// addresses: [...], next: [...] }. A profile already kept is left to the fetches, which keep
// it fresh.
self.addEventListener('message', (event) => {
  const { type, addresses, next } = event.data ?? {};
  if (!BUILD || type !== 'resident-complaints:keep' || !Array.isArray(addresses)) return;
  event.waitUntil(Promise.all([...addresses.map(keep), keepApp(Array.isArray(next) ? next : [])]));
});

async function keep(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return;
  await keptRead;
  if (kept.has(url.href)) return;
  try {
    const response = await fetch(url.href, { mode: 'cors', credentials: 'same-origin', cache: 'no-cache' });
    if (response.ok) await remember(url.href, response);
  } catch {
    // Not now: the next visit's fetch keeps it.
  }
}

async function remember(address, response) {
  kept.add(address);
  fetchedAt.set(address, Date.now());
  await (await caches.open(KEPT)).put(address, response);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!BUILD || request.method !== 'GET') return;
  const url = new URL(request.url);
  const address = url.href.split('#')[0];
  const ours = url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
  if (ours && request.mode === 'navigate') {
    if (isAppPage(url.pathname.slice(scope.pathname.length))) event.respondWith(fromApp(INDEX, request));
  } else if (ours && files.has(`${url.origin}${url.pathname}`)) {
    event.respondWith(fromApp(`${url.origin}${url.pathname}`, request));
  } else if ((ours && /^policies\/[^/]+\.json$/.test(url.pathname.slice(scope.pathname.length))) || kept.has(address)) {
    event.respondWith(networkFirst(event, address));
  }
});

/** Whether a page's address (under the scope) is the app's own page: the scope itself,
 *  index.html, or one word, as /safety or /my-complaints (not the policy check, a page for
 *  landlords' web teams, and not a page with an extension, or deeper, such as a landlord's
 *  page the app is mounted on). */
function isAppPage(path) {
  return path === '' || path === 'index.html' || (/^[a-z0-9-]+$/.test(path) && path !== 'policy-check');
}

/** The app's file from this version's cache. One not kept yet (on a first visit, before
 *  keepApp reaches it) or lost is kept now. If it cannot be, a code file is an error, not the
 *  network's bytes, which may be a newer release's module that does not fit this version's
 *  wasm (app.js then says the app could not start); any other file is the network's. */
async function fromApp(address, request) {
  const cached = () => caches.match(address, { cacheName: APP });
  const kept = (await cached()) ?? (await keepFile(address).then(cached, () => undefined));
  return kept ?? (files.get(address) ? Response.error() : fetch(request));
}

/** The kept copy if this worker fetched it less than FRESH_MS ago. Otherwise the network's
 *  answer if it comes within PATIENCE_MS and is not a server error (and it is kept);
 *  otherwise the kept copy, if any; otherwise whatever the network gives. */
async function networkFirst(event, address) {
  const keptCopy = () => caches.match(address, { cacheName: KEPT, ignoreVary: true });
  if (Date.now() - (fetchedAt.get(address) ?? -Infinity) < FRESH_MS) {
    const fresh = await keptCopy();
    if (fresh) return fresh;
  }
  const keepIt = (response) => {
    if (response.ok && response.type !== 'opaque') event.waitUntil(remember(address, response.clone()));
    return response;
  };
  const network = fetch(event.request);
  const answered = await Promise.race([
    network.catch(() => null),
    new Promise((resolve) => { setTimeout(() => resolve(null), PATIENCE_MS); }),
  ]);
  if (answered && answered.status < 500) return keepIt(answered);
  const copy = await keptCopy();
  if (copy) {
    // The network's late answer still updates the copy for next time.
    event.waitUntil(network.then(keepIt, () => {}));
    return copy;
  }
  return answered ?? network.then(keepIt);
}

/** A response that can answer a navigation: one that came through a redirect cannot. */
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}
