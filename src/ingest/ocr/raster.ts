/**
 * Page images as 8-bit grey rasters: skew found and undone, ruling lines found (they become the page model's
 * rule segments, the same the PDF path reads from vector paths) and erased before recognition — a grid left
 * on the image ruins OCR of the figures beside it.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Segment } from '../../layout/geometry.js';

export interface Gray {
  width: number;
  height: number;
  /** one byte a pixel, 0 black … 255 white */
  data: Uint8Array;
}

/** RGBA pixels (canvas ImageData) → grey. */
export function toGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    // transparent pixels are paper
    const a = rgba[j + 3] / 255;
    data[i] = Math.round((0.299 * rgba[j] + 0.587 * rgba[j + 1] + 0.114 * rgba[j + 2]) * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** An image file (PNG, JPEG, WebP, GIF, BMP, AVIF: what @napi-rs/canvas decodes) as grey pixels. */
export async function decodeImage(bytes: Uint8Array): Promise<Gray> {
  const image = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return toGray(ctx.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
}

/** Grey pixels → PNG bytes (what the OCR engine reads). */
export function toPng(g: Gray): Buffer {
  const canvas = createCanvas(g.width, g.height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(g.width, g.height);
  for (let i = 0, j = 0; i < g.data.length; i++, j += 4) {
    img.data[j] = img.data[j + 1] = img.data[j + 2] = g.data[i];
    img.data[j + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}

const DARK = 150;

/**
 * The page's skew in degrees (−2…2): the angle whose row projection of dark pixels is sharpest (text lines
 * and ruling lines line up with the rows).
 */
export function estimateSkew(g: Gray): number {
  const { width, height, data } = g;
  const xs: number[] = [];
  const ys: number[] = [];
  // a sample of dark pixels: every 3rd column and row
  for (let y = 0; y < height; y += 3) {
    for (let x = 0; x < width; x += 3) if (data[y * width + x] < DARK) (xs.push(x), ys.push(y));
  }
  if (xs.length < 100) return 0;
  const score = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Float64Array(height + width + 2);
    const off = Math.ceil(Math.abs(t) * width);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(ys[i] - xs[i] * t) + off;
      if (b >= 0 && b < bins.length) bins[b]++;
    }
    let s = 0;
    for (const v of bins) s += v * v;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let deg = -2; deg <= 2.0001; deg += 0.1) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  // refine around the best
  for (let deg = best - 0.1; deg <= best + 0.1; deg += 0.02) {
    const s = score(deg);
    if (s > bestScore) [best, bestScore] = [deg, s];
  }
  return Math.round(best * 100) / 100;
}

/** The image turned by −`deg` about its centre (white where nothing was), same size. */
export function rotate(g: Gray, deg: number): Gray {
  const { width, height } = g;
  const src = createCanvas(width, height);
  const sctx = src.getContext('2d');
  const img = sctx.createImageData(width, height);
  for (let i = 0, j = 0; i < g.data.length; i++, j += 4) {
    img.data[j] = img.data[j + 1] = img.data[j + 2] = g.data[i];
    img.data[j + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  const dst = createCanvas(width, height);
  const ctx = dst.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((-deg * Math.PI) / 180);
  ctx.drawImage(src, -width / 2, -height / 2);
  return toGray(ctx.getImageData(0, 0, width, height).data, width, height);
}

/** A ruling line found on the raster, in pixels, with the pixel runs it is made of (to erase them). */
export interface RasterRule extends Segment {
  runs: [number, number, number][]; // [fixed coordinate, from, to]
}

/**
 * Long straight runs of dark pixels: horizontal ones at least `minH` long, vertical ones at least `minV`,
 * gaps of up to `gap` pixels bridged (noise, JPEG artefacts). Runs on neighbouring rows (columns) that overlap
 * form one rule of some thickness, reported at its middle.
 */
export function findRules(g: Gray, minH: number, minV: number, gap = 3): RasterRule[] {
  const { width, height, data } = g;
  const rules: RasterRule[] = [];
  for (const horizontal of [true, false]) {
    const lines = horizontal ? height : width;
    const along = horizontal ? width : height;
    const min = horizontal ? minH : minV;
    const at = horizontal ? (l: number, i: number) => data[l * width + i] : (l: number, i: number) => data[i * width + l];
    // open bands: runs of the previous line that may continue
    let open: { runs: [number, number, number][]; a: number; b: number; last: number }[] = [];
    const closed: typeof open = [];
    for (let l = 0; l < lines; l++) {
      const found: [number, number][] = [];
      let start = -1;
      let lastDark = -1;
      for (let i = 0; i <= along; i++) {
        const dark = i < along && at(l, i) < DARK;
        if (dark) {
          if (start < 0) start = i;
          lastDark = i;
        } else if (start >= 0 && (i - lastDark > gap || i === along)) {
          if (lastDark - start + 1 >= min) found.push([start, lastDark]);
          start = -1;
        }
      }
      const next: typeof open = [];
      for (const [a, b] of found) {
        const band = open.find((o) => o.last === l - 1 && Math.min(o.b, b) - Math.max(o.a, a) > 0.5 * Math.min(o.b - o.a, b - a));
        if (band) {
          band.runs.push([l, a, b]);
          band.a = Math.min(band.a, a);
          band.b = Math.max(band.b, b);
          band.last = l;
          if (!next.includes(band)) next.push(band);
        } else next.push({ runs: [[l, a, b]], a, b, last: l });
      }
      for (const o of open) if (!next.includes(o)) closed.push(o);
      open = next;
    }
    closed.push(...open);
    for (const band of closed) {
      // a band thicker than a rule is a filled area (a shaded header, a photo), not a line
      if (band.runs.length > 12) continue;
      const mid = band.runs.reduce((s, r) => s + r[0], 0) / band.runs.length;
      rules.push(horizontal ? { x0: band.a, y0: mid, x1: band.b, y1: mid, runs: band.runs } : { x0: mid, y0: band.a, x1: mid, y1: band.b, runs: band.runs });
    }
  }
  return rules;
}

/** Whitens the rules' pixels (one pixel beyond each run across the line): the text beside them stays. */
export function eraseRules(g: Gray, rules: RasterRule[]): Gray {
  const data = g.data.slice();
  const { width, height } = g;
  for (const rule of rules) {
    const horizontal = rule.y0 === rule.y1;
    for (const [l, a, b] of rule.runs) {
      for (let d = -1; d <= 1; d++) {
        const line = l + d;
        if (line < 0 || line >= (horizontal ? height : width)) continue;
        for (let i = Math.max(0, a - 1); i <= b + 1 && i < (horizontal ? width : height); i++) {
          data[horizontal ? line * width + i : i * width + line] = 255;
        }
      }
    }
  }
  return { ...g, data };
}
