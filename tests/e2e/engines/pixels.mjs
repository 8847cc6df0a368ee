// Contrast measured on screenshots, for what axe cannot check: the rings and states of form
// controls, which the engine or the app's CSS draws. WCAG 2.2 1.4.11 (non-text contrast) asks
// 3:1 against the adjacent colours.
import { PNG } from 'pngjs';

/** A decoded screenshot: { width, height, data } (RGBA, 4 bytes a pixel). */
export const decode = (png) => PNG.sync.read(png);

/** The pixel at (x, y) as [r, g, b]. */
const rgb = (image, x, y) => [...image.data.subarray(4 * (y * image.width + x), 4 * (y * image.width + x) + 3)];

/** WCAG relative luminance of a colour [r, g, b]. */
function luminance(colour) {
  const [r, g, b] = colour.map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const contrast = (a, b) => ratio(luminance(a), luminance(b));
const hex = (colour) => `#${colour.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The pixels of `box` ({ x, y, width, height } in image pixels, clipped to the image). */
function* pixels(image, box) {
  const [x0, y0] = [Math.max(0, Math.floor(box.x)), Math.max(0, Math.floor(box.y))];
  const [x1, y1] = [Math.min(image.width, Math.ceil(box.x + box.width)), Math.min(image.height, Math.ceil(box.y + box.height))];
  for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) yield [x, y];
}

/** The strongest contrast that at least `few` pixels reach: one stray pixel is not a ring. */
function strongest(values, few = 4) {
  values.sort((a, b) => b.ratio - a.ratio);
  return values[Math.min(few, values.length) - 1] ?? { ratio: 1 };
}

/** The page's colour around `box`, as [r, g, b]: the commonest colour in a band `gap` to
 *  `gap + 4` pixels outside it. */
export function backgroundAround(image, box, gap = 6) {
  const counts = new Map();
  const outer = { x: box.x - gap - 4, y: box.y - gap - 4, width: box.width + 2 * (gap + 4), height: box.height + 2 * (gap + 4) };
  for (const [x, y] of pixels(image, outer)) {
    const inside = x >= box.x - gap && x < box.x + box.width + gap && y >= box.y - gap && y < box.y + box.height + gap;
    if (inside) continue;
    const colour = hex(rgb(image, x, y));
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const [colour] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return [...Buffer.from(colour.slice(1), 'hex')];
}

/** The boundary of the control in `box`: the strongest contrast against the page's colour of
 *  the pixels within `band` pixels of the box's edges, where an outline or ring is drawn.
 *  Resolves to { ratio, colour, background }. */
export function boundaryContrast(image, box, band = 4) {
  const background = backgroundAround(image, box);
  const edge = [];
  for (const [x, y] of pixels(image, box)) {
    const fromEdge = Math.min(x - box.x, y - box.y, box.x + box.width - 1 - x, box.y + box.height - 1 - y);
    if (fromEdge >= band) continue;
    edge.push({ ratio: contrast(rgb(image, x, y), background), colour: hex(rgb(image, x, y)) });
  }
  const { ratio: found, colour } = strongest(edge);
  return { ratio: found, colour, background: hex(background) };
}

/** How a state shows: the strongest contrast between the same pixels of `box` in two
 *  screenshots (the control checked and not, focused and not). Resolves to { ratio, from, to }. */
export function changeContrast(before, after, box) {
  const changed = [];
  for (const [x, y] of pixels(before, box)) {
    const [from, to] = [rgb(before, x, y), rgb(after, x, y)];
    changed.push({ ratio: contrast(from, to), from: hex(from), to: hex(to) });
  }
  const { ratio: found, from, to } = strongest(changed);
  return { ratio: found, from, to };
}
