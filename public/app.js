// Starts the complaints app. A file of its own, not an inline script, so that a strict
// Content-Security-Policy needs no 'unsafe-inline'. Two ways in:
// - the app's own page (index.html): the app fills the page, configured by the query string;
// - a landlord's page with an element marked `data-resident-complaints`: the app renders into
//   it, inside a shadow root so that neither page's styles reach the other, configured by the
//   element's data- attributes.
// Most residents arrive on the start page, so on the app's own page it comes from a small wasm
// of its own (first-page); every other page, and anything waiting to be sent, needs the whole
// app, which is fetched in the background once the start page is shown. The policy check, for
// landlords' web teams, is a wasm of its own too, so that residents never download it.

const appBase = new URL('./', import.meta.url);
const WHOLE = 'resident-complaints';
const ALLOWED_ORIGINS = 'resident-complaints:allowed-origins';
const FIRST_PAGE = 'first-page';
const QUESTIONS = 'questions';
/** The pages the question pages' wasm shows, by slug: src/app.rs's `is_question_slug`
 *  (tests/app_js.rs checks the two agree). Any other page needs the whole app. */
const QUESTION_PAGES = new Set(['safety', 'emergency', 'hazard', 'about-the-hazard', 'who',
  'representative', 'connection', 'kind', 'feedback', 'anti-social-behaviour', 'complained-before',
  'other-process', 'what-about', 'which-decision', 'told-before', 'after-report', 'when',
  'late-reason', 'responsibility', 'category', 'what-went-wrong', 'where', 'done-so-far', 'impact',
  'outcome-wanted', 'support', 'contact']);
const POLICY_CHECK = 'policy-check';
// The app's own page keeps itself on the device with a service worker (sw.js), if it can.
const serviceWorker = globalThis.navigator?.serviceWorker;
const fromDevice = Boolean(serviceWorker?.controller);
let replaced = false;
serviceWorker?.addEventListener('controllerchange', () => { replaced = true; });

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

/** The browser's default text size (the resident's own setting), whatever the page's root. */
function defaultTextSize() {
  const probe = document.createElement('div');
  probe.style.fontSize = 'medium';
  document.body.append(probe);
  const size = getComputedStyle(probe).fontSize;
  probe.remove();
  return size;
}

function mountInto(host, start) {
  // The stylesheet sizes text in --rem: rem itself, in a shadow root, is the landlord page's
  // root size.
  host.style.setProperty('--rem', defaultTextSize());
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

/** The wasm for the app's own page: the policy check's at /policy-check; with nothing
 *  waiting that can be sent, the start page's alone on the start page, and the question
 *  pages' on a question page; the whole app otherwise. */
function appForThisPage() {
  if (location.pathname === `${appBase.pathname}${POLICY_CHECK}`) return POLICY_CHECK;
  const page = location.pathname.startsWith(appBase.pathname) ? location.pathname.slice(appBase.pathname.length) : undefined;
  let waiting = false;
  try {
    // What can never be sent (src/api.rs, Pending::unsendable) waits for My complaints only.
    const outbox = JSON.parse(localStorage.getItem('resident-complaints/outbox')) ?? [];
    waiting = outbox.some((item) => !item.unsendable);
  } catch {
    // Storage blocked or unreadable: the whole app explains.
    waiting = true;
  }
  if (waiting) return WHOLE;
  if (page === '' || page === 'index.html') return FIRST_PAGE;
  return QUESTION_PAGES.has(page) ? QUESTIONS : WHOLE;
}

/** Whether a setting may name `address`, as in src/config.rs: never with a user name or
 *  password; on the app's own page, only on its origin or one index.html lists. */
function allowedAddress(address, mounted) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  const listed = document.querySelector(`meta[name="${ALLOWED_ORIGINS}"]`)?.content.split(/\s+/) ?? [];
  return !url.username && !url.password && (mounted || (/^https?:$/.test(url.protocol)
    && [location.origin, ...listed.map((o) => o.replace(/\/+$/, ''))].includes(url.origin)));
}

// The policy profile, fetched while the wasm downloads rather than after it starts (the app's
// own fetch then takes this response). The same rule as src/config.rs: an id names one of the
// app's profiles, anything else is an address relative to the page, if allowed.
let policyAddress;
function preloadPolicy(settings, mounted) {
  const policy = new URLSearchParams(settings).get('policy')?.trim() || 'hos-code-2024';
  const id = /^[a-z0-9-]+$/.test(policy);
  const address = id ? new URL(`policies/${policy}.json`, appBase).href : new URL(policy, location.href).href;
  if (!id && !allowedAddress(address, mounted)) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = address;
  document.head.append(link);
  policyAddress = address;
}

/** The landlord's web font (`font-url`, loaded under the first name in `font`) while the wasm
 *  downloads: in an iframe the app cannot see the landlord's @font-face. An address relative
 *  to the page, allowed as the profile's is; the `font` stack (src/domain/brand.rs) stands in
 *  until it loads, or if it cannot. */
function loadBrandFont(settings, mounted) {
  const params = new URLSearchParams(settings);
  const url = params.get('font-url')?.trim();
  const family = params.get('font')?.split(',')[0].trim().replace(/^["']|["']$/g, '');
  if (!url || !family) return;
  const address = new URL(url, location.href);
  if (!/^https?:$/.test(address.protocol) || !allowedAddress(address.href, mounted)) {
    console.warn(`resident-complaints: font-url ${url} is not an address this page may use`);
    return;
  }
  const face = new FontFace(family, `url("${address.href}")`);
  document.fonts.add(face);
  face.load().catch((problem) => console.warn(`resident-complaints: font-url ${url} could not be loaded`, problem));
}

/** The app could not start (no WebAssembly, a failed download): the page shows what it shows
 *  without JavaScript, the other ways to complain: index.html's <noscript>, or on a landlord's
 *  page what they put inside the element. */
function showFallback(error) {
  console.error('resident-complaints: the app could not start', error);
  const fallback = document.querySelector('noscript')?.textContent;
  if (fallback && document.querySelectorAll('[data-resident-complaints]').length === 0) {
    document.body.insertAdjacentHTML('beforeend', fallback);
    showLandlordContacts(document.querySelector('[data-landlord-contacts]'))
      .catch((problem) => console.warn('resident-complaints: the profile lists no usable contacts', problem));
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

/** On the app's own page, the configured landlord's own ways to contact them, from the profile
 *  (already fetched): their name, then each contact, linked as `src/components/contacts.rs`
 *  links it. Profile texts are set as text, never as markup. Nothing is added when the
 *  profile cannot be had or lists no contacts. */
async function showLandlordContacts(into) {
  if (!into || !policyAddress) return;
  const english = (text) => String((typeof text === 'string' ? text : text?.en) ?? '');
  let landlord;
  try {
    landlord = (await (await fetch(policyAddress)).json()).landlord;
  } catch {
    return;
  }
  if (!Array.isArray(landlord?.contacts) || landlord.contacts.length === 0) return;
  const element = (tag, attributes = {}, text = '') => {
    const made = Object.assign(document.createElement(tag), attributes);
    made.textContent = text;
    return made;
  };
  // In English, as src/locales/en/contacts.toml names each channel.
  const channels = { phone: 'Phone', email: 'Email', post: 'Post', web: 'Online', 'in-person': 'In person', 'social-media': 'Social media' };
  const list = element('dl', { className: 'summary-list' });
  for (const { channel, value, note } of landlord.contacts) {
    const text = english(value).trim();
    let href = {
      phone: `tel:${text.replace(/\s/g, '')}`,
      email: `mailto:${text}`,
      // A description such as "the form on our website" stays text, as does an address with
      // a user name or password.
      web: /\s/.test(text) ? undefined : /^https?:\/\//.test(text) ? text : `https://${text}`,
    }[channel];
    if (channel === 'web' && href && !allowedAddress(href, true)) href = undefined;
    const shown = element('dd', { className: 'summary-list__value' });
    shown.append(href ? element('a', { href }, text) : element('span', { className: 'pre-line' }, text));
    if (note) shown.append(element('br'), element('span', { className: 'hint' }, english(note)));
    const row = element('div', { className: 'summary-list__row' });
    row.append(element('dt', { className: 'summary-list__key' }, channels[channel] ?? channel), shown);
    list.append(row);
  }
  into.replaceChildren(element('h2', { className: 'heading-m' }, english(landlord.name)), list);
  into.lang = 'en';
}

/** The rest of the journey, into the worker's cache (or the HTTP cache) while the resident
 *  reads the start page: once it is painted (its heading is in the page, and drawn). */
function prefetchWholeApp() {
  // A phone that is never idle (a busy host page, a slow CPU) still keeps the app, later.
  const idle = window.requestIdleCallback
    ? (then) => requestIdleCallback(then, { timeout: 3000 })
    : (then) => setTimeout(then, 1000);
  // Chromium reports the paint of the page's largest text; elsewhere, or when nothing larger
  // than the loading message is drawn, a second is long enough.
  const afterPaint = (then) => {
    const shownAt = performance.now();
    let observer;
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      then();
    };
    if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.startTime >= shownAt)) once();
      });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
    }
    setTimeout(once, 1000);
  };
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
  // Start now leads to a question page (the question pages' wasm), the outcome to the rest.
  const next = [QUESTIONS, WHOLE].flatMap((name) => [`${name}.js`, `${name}_bg.wasm`])
    .map((file) => new URL(file, appBase).href);
  whenShown(() => afterPaint(() => idle(async () => {
    if (await keepOnDevice(next) || fromDevice) return;
    for (const address of next) {
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = address;
      document.head.append(link);
    }
  })));
}

/** Registers the worker, which keeps the app's files (those `next` names first, the files
 *  the next pages need), and names the profile for it to keep. */
async function keepOnDevice(next = []) {
  if (!serviceWorker) return false;
  try {
    await serviceWorker.register(new URL('sw.js', appBase));
    serviceWorker.ready.then((worker) => worker.active.postMessage({ type: 'resident-complaints:keep', addresses: [policyAddress], next }));
    return true;
  } catch (problem) {
    console.warn('resident-complaints: the app cannot be kept on this device', problem);
    return false;
  }
}

/** While the wasm downloads, which on a weak signal takes seconds: after half a second, so a
 *  quick start shows nothing, a line that says the form is loading, in both languages (what
 *  the resident reads is the app's to know, and it has not started). The caller removes it as
 *  the app draws its first page, in the same frame. */
function showLoading() {
  const shell = document.createElement('div');
  shell.className = 'width-container';
  const main = document.createElement('main');
  main.className = 'main';
  const status = document.createElement('div');
  status.setAttribute('role', 'status');
  const line = (text, lang) => Object.assign(document.createElement('p'), { textContent: text, lang });
  status.append(line('Loading the complaints form…', 'en'), line('Wrthi’n llwytho’r ffurflen gwyno…', 'cy'));
  main.append(status);
  shell.append(main);
  const shown = setTimeout(() => document.body.prepend(shell), 500);
  return () => {
    clearTimeout(shown);
    shell.remove();
  };
}

async function run() {
  const hosts = document.querySelectorAll('[data-resident-complaints]');
  if (hosts.length > 0) {
    preloadPolicy(settingsOf(hosts[0]), true);
    loadBrandFont(settingsOf(hosts[0]), true);
    const { start } = await load(WHOLE);
    hosts.forEach((host) => mountInto(host, start));
  } else {
    const app = appForThisPage();
    // Firefox gives a page the worker answered no referrer, which src/app.rs reads.
    const from = globalThis.navigation?.activation?.from?.url;
    if (!document.referrer && from) Object.defineProperty(document, 'referrer', { value: from });
    preloadPolicy(location.search, false);
    loadBrandFont(location.search, false);
    const hideLoading = app === POLICY_CHECK ? () => {} : showLoading();
    try {
      const { start } = await load(app);
      // The start page's wasm resolves to false when the app cannot start with its settings
      // (src/app.rs, start_first_page): the whole app says why, and how else to complain.
      if (await start(location.search, appBase.href, undefined) === false) {
        (await load(WHOLE)).start(location.search, appBase.href, undefined);
      }
    } finally {
      hideLoading();
    }
    reportHeight();
    if (app === FIRST_PAGE) prefetchWholeApp();
    else if (app !== POLICY_CHECK) setTimeout(keepOnDevice, 1000);
  }
}

run().catch((error) => {
  // A new version took over as this page loaded: its files may be of two versions.
  if (fromDevice && replaced) location.reload();
  else showFallback(error);
});
