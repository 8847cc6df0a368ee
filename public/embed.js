// Embeds the complaints app in an iframe on a landlord's page, sized to its content:
//   <div data-resident-complaints-frame data-policy="greatwell"></div>
//   <script src="https://complain.example.org/embed.js" async></script>
// The div's data- attributes become the app's query string. The app reports its height by
// postMessage to this page's origin only; this script accepts heights only from the app's
// origin and from the iframe it made. No dependencies.
(() => {
  const script = document.currentScript;
  const appBase = new URL('./', script.src);
  const frames = new Set();

  document.querySelectorAll('[data-resident-complaints-frame]').forEach((slot) => {
    const settings = new URLSearchParams();
    for (const [name, value] of Object.entries(slot.dataset)) {
      if (name === 'residentComplaintsFrame' || name === 'title') continue;
      settings.set(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
    }
    settings.set('host-origin', location.origin);
    const frame = document.createElement('iframe');
    frame.src = `${appBase.href}?${settings}`;
    frame.title = slot.dataset.title || 'Make a complaint';
    frame.className = 'resident-complaints-frame';
    // Sizes set through the CSSOM, which a strict style-src allows.
    frame.style.width = '100%';
    frame.style.height = '600px';
    frame.style.border = '0';
    slot.replaceChildren(frame);
    frames.add(frame);
  });

  window.addEventListener('message', (event) => {
    if (event.origin !== appBase.origin) return;
    const { type, height } = event.data ?? {};
    if (type !== 'resident-complaints:height' || !Number.isFinite(height) || height <= 0) return;
    for (const frame of frames) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
