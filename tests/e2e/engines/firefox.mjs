// Firefox (Gecko): Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver
// BiDi (no geckodriver).
import puppeteer from 'puppeteer-core';

/** A headless Firefox page of `width` × `height` CSS px, in the colour `scheme`: 'light',
 *  'dark' or 'forced' (the page's colours overridden by the system's, as Windows' contrast
 *  themes do). */
export async function launch({ width, height, scheme = 'light' }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // 0 is dark and 1 light, whatever the system says.
      'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
      // 2: always use the system's colours, which turns on forced-colors.
      'browser.display.document_color_use': scheme === 'forced' ? 2 : 0,
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  return {
    name: 'firefox',
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    type: (selector, text) => page.type(selector, text),
    screenshot: async () => Buffer.from(await page.screenshot()),
    close: () => browser.close(),
  };
}
