// Starts the complaints app. A file of its own, not an inline script, so that a strict
// Content-Security-Policy needs no 'unsafe-inline'. Two ways in:
// - the app's own page (index.html): the app fills the page, configured by the query string;
// - a landlord's page with an element marked `data-resident-complaints`: the app renders into
//   it, inside a shadow root so that neither page's styles reach the other, configured by the
//   element's data- attributes.
// Most residents arrive on the start page, so on the app's own page it comes from a small wasm
// of its own (first-page); every other page, and anything waiting to be sent, needs the whole
// app, which is fetched in the background once the start page is shown.

const appBase = new URL('./', import.meta.url);
const WHOLE = 'resident-complaints';
const FIRST_PAGE = 'first-page';

async function load(name) {
  // The wasm downloads while its bindings load, not after: one round trip less.
  const wasm = fetch(new URL(`${name}_bg.wasm`, appBase));
  const bindings = await import(`./${name}.js`);
  await bindings.default({ module_or_path: wasm });
  // Starting the app in a task of its own, not straight after compiling the wasm, keeps
  // either from blocking input for long on a slow phone.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return bindings;
}

// `data-brand-text` arrives as dataset.brandText; settings are named as in the query string.
const settingsOf = (element) =>
  new URLSearchParams(
    Object.entries(element.dataset)
      .filter(([name]) => name !== 'residentComplaints')
      .map(([name, value]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value]),
  ).toString();

function mountInto(host, start) {
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('main.css', appBase).href;
  const container = document.createElement('div');
  shadow.append(style, container);
  start(settingsOf(host), appBase.href, container);
}

// The app's own page in an iframe: tell the landlord's page (and only it) how tall the
// content is, so embed.js can size the iframe with no scroll bar of its own.
function reportHeight() {
  const hostOrigin = new URLSearchParams(location.search).get('host-origin');
  if (!hostOrigin || window.parent === window) return;
  const send = () => {
    try {
      window.parent.postMessage(
        // The body, not the document: the document is never shorter than the iframe.
        { type: 'resident-complaints:height', height: document.body.getBoundingClientRect().height },
        hostOrigin,
      );
    } catch (error) {
      console.warn(`resident-complaints: host-origin ${hostOrigin} is not an origin`, error);
    }
  };
  new ResizeObserver(send).observe(document.body);
}

/** Whether the start page alone will do: the app's own start page, and nothing to send. */
function firstPageWillDo() {
  const atStart = [appBase.pathname, `${appBase.pathname}index.html`].includes(location.pathname);
  let waiting = false;
  try {
    waiting = (JSON.parse(localStorage.getItem('resident-complaints/outbox')) ?? []).length > 0;
  } catch {
    // Storage blocked or unreadable: the whole app explains.
    waiting = true;
  }
  return atStart && !waiting;
}

// The policy profile, fetched while the wasm downloads rather than after it starts (the app's
// own fetch then takes this response). The same rule as src/config.rs: an id names one of the
// app's profiles, anything else is an address relative to the page.
function preloadPolicy(settings) {
  const policy = new URLSearchParams(settings).get('policy')?.trim() || 'hos-code-2024';
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = /^[a-z0-9-]+$/.test(policy) ? new URL(`policies/${policy}.json`, appBase).href : new URL(policy, location.href).href;
  document.head.append(link);
}

/** The app could not start (no WebAssembly, a failed download): the page shows what it shows
 *  without JavaScript, the other ways to complain: index.html's <noscript>, or on a landlord's
 *  page what they put inside the element. */
function showFallback(error) {
  console.error('resident-complaints: the app could not start', error);
  const fallback = document.querySelector('noscript')?.textContent;
  if (fallback && document.querySelectorAll('[data-resident-complaints]').length === 0) {
    document.body.insertAdjacentHTML('beforeend', fallback);
  }
  document.querySelectorAll('[data-resident-complaints]').forEach((host) => {
    if (host.textContent.trim() !== '') {
      // The landlord's own words, shown again if the app had begun to draw over them.
      host.shadowRoot?.replaceChildren(document.createElement('slot'));
      return;
    }
    // Both languages: the app that knows which one the resident reads did not start.
    (host.shadowRoot ?? host).textContent = 'Sorry, the complaints form could not start. You can still complain to your landlord by phone, email, letter or in person. / Mae’n ddrwg gennym, nid oedd modd cychwyn y ffurflen gwyno. Gallwch gwyno i’ch landlord o hyd dros y ffôn, drwy e-bost, mewn llythyr neu wyneb yn wyneb.';
  });
}

/** The rest of the journey, into the HTTP cache while the resident reads the start page:
 *  once it is shown (its heading is in the page), so as not to slow it down. */
function prefetchWholeApp() {
  const idle = window.requestIdleCallback ?? ((then) => setTimeout(then, 1000));
  const shown = () => document.getElementById('page-heading');
  const whenShown = (then) => {
    if (shown()) return then();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      then();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };
  whenShown(() => idle(() => {
    for (const file of [`${WHOLE}.js`, `${WHOLE}_bg.wasm`]) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = new URL(file, appBase).href;
      document.head.append(link);
    }
  }));
}

async function run() {
  const hosts = document.querySelectorAll('[data-resident-complaints]');
  if (hosts.length > 0) {
    preloadPolicy(settingsOf(hosts[0]));
    const { start } = await load(WHOLE);
    hosts.forEach((host) => mountInto(host, start));
  } else {
    const firstPage = firstPageWillDo();
    preloadPolicy(location.search);
    const { start } = await load(firstPage ? FIRST_PAGE : WHOLE);
    start(location.search, appBase.href, undefined);
    reportHeight();
    if (firstPage) prefetchWholeApp();
  }
}

run().catch(showFallback);
