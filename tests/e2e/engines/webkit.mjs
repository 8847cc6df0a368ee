// WebKit, the engine of every browser on iOS: Debian's WebKitGTK MiniBrowser, driven over
// classic WebDriver by WebKitWebDriver and selenium-webdriver. MiniBrowser has no headless
// mode, so it draws on an X display of its own (Xvfb).
import { execFileSync, spawn } from 'node:child_process';
import { Builder, By } from 'selenium-webdriver';
import { freePort } from '../harness.mjs';

const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Starts `command` in a process group of its own, so that `stop` ends it and its children
 *  (with SIGTERM, so that Xvfb removes its lock file), resolving when it has exited. */
function start(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'inherit'], ...options });
  const exited = new Promise((ok) => child.once('exit', ok));
  child.stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  return child;
}

/** An Xvfb display on the first free number: resolves to { display, stop }. */
async function xvfb() {
  const server = start('Xvfb', ['-displayfd', '1', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const number = await new Promise((ok, fail) => {
    server.stdout.once('data', (chunk) => ok(String(chunk).trim()));
    server.once('error', fail);
    server.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}; is xvfb installed?`)));
  });
  return { display: `:${number}`, stop: server.stop };
}

/** Waits until WebKitWebDriver on `port` answers /status. */
async function ready(port, child) {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}; is webkit2gtk-driver installed?`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

/** A MiniBrowser window of `width` × `height` CSS px of page, in the colour `scheme`: 'light'
 *  or 'dark' (WebKitGTK has no forced colours). */
export async function launch({ width, height, scheme = 'light' }) {
  if (!['light', 'dark'].includes(scheme)) throw new Error(`WebKitGTK cannot show the ${scheme} colour scheme`);
  const x = await xvfb();
  const env = { ...process.env, DISPLAY: x.display };
  const port = await freePort();
  const server = start('WebKitWebDriver', [`--port=${port}`], { env });
  const stop = async () => {
    await server.stop();
    await x.stop();
  };
  try {
    await ready(port, server);
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(scheme === 'dark' ? ['--dark-mode'] : [])] },
    }).build();
    // The window is set so that its page (the viewport) is `width` × `height`.
    await driver.manage().window().setRect({ x: 0, y: 0, width, height });
    const inner = await driver.executeScript('return [innerWidth, innerHeight]');
    await driver.manage().window().setRect({ width: 2 * width - inner[0], height: 2 * height - inner[1] });
    // With no window manager, nothing gives the window focus: without it, no element matches
    // :focus, and no focus style is drawn.
    execFileSync('xdotool', ['search', '--sync', '--onlyvisible', '--class', 'MiniBrowser', 'windowfocus', '--sync'], { env });
    return {
      name: 'webkit',
      goto: (url) => driver.get(url),
      reload: () => driver.navigate().refresh(),
      evaluate: (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args),
      click: async (selector) => (await driver.findElement(By.css(selector))).click(),
      type: async (selector, text) => (await driver.findElement(By.css(selector))).sendKeys(text),
      screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
      close: async () => {
        await driver.quit().catch(() => {});
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
