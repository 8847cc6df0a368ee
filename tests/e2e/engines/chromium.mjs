// Chromium (Blink): Debian's Chromium, headless, driven by playwright-core as in the other
// browser tests (harness.mjs).
import { launchBrowser, newDevice } from '../harness.mjs';

/** A headless Chromium page of `width` × `height` CSS px, in the colour `scheme`: 'light',
 *  'dark' or 'forced' (forced colours, as Windows' contrast themes give). */
export async function launch({ width, height, scheme = 'light' }) {
  const browser = await launchBrowser();
  const context = await newDevice(browser, {
    viewport: { width, height }, colorScheme: scheme === 'dark' ? 'dark' : 'light', forcedColors: scheme === 'forced' ? 'active' : 'none',
  });
  const page = await context.newPage();
  return {
    name: 'chromium',
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    // Playwright passes a function one argument: the call is given as an expression instead.
    evaluate: (fn, ...args) => page.evaluate(`(${fn}).apply(null, ${JSON.stringify(args)})`),
    click: (selector) => page.locator(selector).click(),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    screenshot: () => page.screenshot(),
    close: () => browser.close(),
  };
}
