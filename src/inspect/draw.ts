/**
 * Draws a page overlay (overlay.ts) over the page image pdf.js rendered. The image comes as RGBA pixels
 * (the canvas pdf.js renders on is its own, `doc.canvasFactory`); the overlay is drawn on a canvas of the
 * same @napi-rs/canvas that pdf.js uses in Node.
 */
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { BBox } from '../model/grid.js';
import type { PageOverlay } from './overlay.js';

/** The colours of the layers: the README's legend and the tests read these. */
export const COLOURS = {
  /** text runs as pdf.js places them */
  text: 'rgba(0, 160, 0, 0.55)',
  /** ruling segments inside a ruled table: the ones the lattice used */
  ruleUsed: 'rgb(0, 90, 255)',
  /** ruling segments no table used */
  ruleUnused: 'rgba(200, 0, 200, 0.7)',
  /** tables the page stage found (before stitching and recognition) */
  detected: 'rgba(120, 120, 120, 0.9)',
  /** the cell grid of the output's tables */
  cell: 'rgb(255, 140, 0)',
  /** the output's table boxes, with their id and kind */
  table: 'rgb(230, 0, 0)',
  fail: 'rgba(255, 0, 0, 0.28)',
  warn: 'rgba(255, 190, 0, 0.35)',
} as const;

/** RGB of a layer's colour (tests sample the pixels). */
export function rgbOf(colour: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (!m) throw new Error(`not an rgb colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export interface PageImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
  /** PDF points per pixel of the image */
  pointsPerPixel: number;
}

export interface DrawOptions {
  /** leave out the text boxes (the HTML report's smaller images) */
  text?: boolean;
}

function label(ctx: SKRSContext2D, text: string, x: number, y: number, size: number, colour: string, align: 'left' | 'center' | 'right' = 'left', baseline: 'bottom' | 'middle' | 'top' = 'bottom') {
  ctx.font = `bold ${size}px "DejaVu Sans", sans-serif`;
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  const w = ctx.measureText(text).width;
  const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
  const top = baseline === 'bottom' ? y - size : baseline === 'middle' ? y - size / 2 : y;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(left - 1, top - 1, w + 2, size + 2);
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}

/** The page image with the overlay drawn over it, as a canvas (encode it with `.encode('png')`). */
export function drawPage(image: PageImage, overlay: PageOverlay, options: DrawOptions = {}) {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.putImageData(new ImageData(image.rgba, image.width, image.height), 0, 0);
  const k = 1 / image.pointsPerPixel;
  const px = (v: number) => v * k;
  const rect = (b: BBox) => [px(b[0]), px(b[1]), px(b[2] - b[0]), px(b[3] - b[1])] as const;
  // line widths and labels grow with the image, but stay visible on small ones
  const unit = Math.max(1, k / 2);

  // marked cells first, under everything else
  for (const t of overlay.tables) {
    for (const c of t.cells) {
      if (!c.mark) continue;
      ctx.fillStyle = COLOURS[c.mark];
      ctx.fillRect(...rect(c.bbox));
    }
  }
  for (const q of overlay.quotes) {
    ctx.fillStyle = COLOURS[q.mark];
    ctx.fillRect(...rect(q.bbox));
  }
  if (options.text !== false) {
    ctx.strokeStyle = COLOURS.text;
    ctx.lineWidth = unit * 0.5;
    for (const b of overlay.runs) ctx.strokeRect(...rect(b));
  }
  // the detected tables, dashed: where the output has no table over one, recognition dropped it or made a form of it
  ctx.setLineDash([6 * unit, 4 * unit]);
  ctx.strokeStyle = COLOURS.detected;
  ctx.lineWidth = unit * 1.5;
  for (const d of overlay.detected) {
    const [x, y, w, h] = rect(d.bbox);
    ctx.strokeRect(x - 3 * unit, y - 3 * unit, w + 6 * unit, h + 6 * unit);
  }
  ctx.setLineDash([4 * unit, 3 * unit]);
  ctx.strokeStyle = COLOURS.ruleUnused;
  ctx.lineWidth = unit;
  for (const r of overlay.rules.filter((r) => !r.used)) {
    ctx.beginPath();
    ctx.moveTo(px(r.segment.x0), px(r.segment.y0));
    ctx.lineTo(px(r.segment.x1), px(r.segment.y1));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = COLOURS.ruleUsed;
  ctx.lineWidth = unit * 1.5;
  for (const r of overlay.rules.filter((r) => r.used)) {
    ctx.beginPath();
    ctx.moveTo(px(r.segment.x0), px(r.segment.y0));
    ctx.lineTo(px(r.segment.x1), px(r.segment.y1));
    ctx.stroke();
  }
  // the cell grid, drawn inset so that it shows beside the ruling lines it usually lies on
  ctx.strokeStyle = COLOURS.cell;
  ctx.lineWidth = unit;
  const inset = 1.5 * unit;
  for (const t of overlay.tables) {
    for (const c of t.cells) {
      const [x, y, w, h] = rect(c.bbox);
      // on pixel centres: crisp lines, not two blended half-pixels
      const snap = (v: number) => Math.round(v) + 0.5;
      if (w > 2 * inset && h > 2 * inset) {
        const [a, b] = [snap(x + inset), snap(y + inset)];
        ctx.strokeRect(a, b, snap(x + w - inset) - a, snap(y + h - inset) - b);
      }
    }
  }
  // table boxes, outside the grid, with id and kind; row numbers left of the box, column numbers above it
  const size = Math.max(10, Math.round(6 * k));
  for (const t of overlay.tables) {
    const [x, y, w, h] = rect(t.bbox);
    const pad = 4 * unit;
    ctx.strokeStyle = COLOURS.table;
    ctx.lineWidth = unit * 2.5;
    ctx.strokeRect(x - pad, y - pad, w + 2 * pad, h + 2 * pad);
    const small = Math.max(8, Math.round(size * 0.8));
    for (const c of t.cols) label(ctx, String(c.col), px((c.x0 + c.x1) / 2), y - pad - unit, small, COLOURS.table, 'center', 'bottom');
    for (const r of t.rows) label(ctx, String(r.row), x - pad - 2 * unit, px((r.y0 + r.y1) / 2), small, COLOURS.table, 'right', 'middle');
    const name = `${t.id} ${t.kind}${t.ruled ? '' : ' (no rules)'}`;
    const top = Math.max(size + 2, y - pad - small - 3 * unit);
    label(ctx, name, x - pad, top, size, COLOURS.table, 'left', 'bottom');
    // checks that read the table as a whole: named beside it
    if (t.mark && t.rules) {
      ctx.font = `bold ${size}px "DejaVu Sans", sans-serif`;
      const after = x - pad + ctx.measureText(name).width + 3 * size;
      label(ctx, t.rules.join(', '), after, top, size, t.mark === 'fail' ? 'rgb(220, 0, 0)' : 'rgb(200, 120, 0)', 'left', 'bottom');
    }
  }
  for (const d of overlay.detected.filter((d) => !d.output)) {
    const what = `${d.ruled ? 'ruled' : 'borderless'} table found on the page: no table of the output (a form, or dropped)`;
    label(ctx, what, px(d.bbox[0]) - 3 * unit, Math.max(size + 2, px(d.bbox[1]) - 4 * unit), size, 'rgb(90, 90, 90)', 'left', 'bottom');
  }
  label(ctx, `page ${overlay.page}`, 4, 4, size, 'rgb(0, 0, 0)', 'left', 'top');
  return canvas;
}
