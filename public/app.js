// Starts the complaints app. A file of its own, not an inline script, so that a strict
// Content-Security-Policy needs no 'unsafe-inline'. Two ways in:
// - the app's own page (index.html): the app fills the page, configured by the query string;
// - a landlord's page with an element marked `data-resident-complaints`: the app renders into
//   it, inside a shadow root so that neither page's styles reach the other, configured by the
//   element's data- attributes.
import init, { start } from './resident-complaints.js';

const appBase = new URL('./', import.meta.url);

// `data-brand-text` arrives as dataset.brandText; settings are named as in the query string.
const settingsOf = (element) =>
  new URLSearchParams(
    Object.entries(element.dataset)
      .filter(([name]) => name !== 'residentComplaints')
      .map(([name, value]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value]),
  ).toString();

function mountInto(host) {
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

await init({ module_or_path: new URL('resident-complaints_bg.wasm', appBase) });
const hosts = document.querySelectorAll('[data-resident-complaints]');
if (hosts.length > 0) {
  hosts.forEach(mountInto);
} else {
  start(location.search, appBase.href, undefined);
  reportHeight();
}
