import { apply, multiply, type Matrix, type Segment } from '../../layout/geometry.js';

/** The pdf.js operator ids this reader needs (pdfjs-dist 5.6: OPS in build/pdf.mjs). */
export interface Ops {
  save: number; restore: number; transform: number; setLineWidth: number; constructPath: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number; eoFillStroke: number;
  closeFillStroke: number; closeEOFillStroke: number;
  setStrokeRGBColor: number; setFillRGBColor: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
}

/** pdf.js DrawOPS inside a constructPath's path data */
const MOVE = 0, LINE = 1, CURVE = 2, QUAD = 3, CLOSE = 4;

export interface GraphicsOptions {
  /** a filled rectangle thinner than this is a rule (WPS draws all rules as thin filled rectangles) */
  maxRuleThickness: number;
  /** segments shorter than this are ignored (glyph-like specks, arrow heads) */
  minLength: number;
}

export const GRAPHICS_DEFAULTS: GraphicsOptions = { maxRuleThickness: 3, minLength: 2 };

const isWhite = (color: unknown) => typeof color === 'string' && /^#(f[a-f0-9]){3}$/i.test(color);

type Point = [number, number];

/** Subpaths of a constructPath as point lists (curves reduced to their end points: never table rules). */
function subpaths(data: ArrayLike<number>): { points: Point[]; closed: boolean; curved: boolean }[] {
  const out: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      current = { points: [[data[i++], data[i++]]], closed: false, curved: false };
      out.push(current);
    } else if (op === LINE) {
      const p: Point = [data[i++], data[i++]];
      if (!current) out.push((current = { points: [], closed: false, curved: false }));
      current.points.push(p);
    } else if (op === CURVE) {
      i += 4;
      const p: Point = [data[i++], data[i++]];
      if (current) {
        current.points.push(p);
        current.curved = true;
      }
    } else if (op === QUAD) {
      i += 2;
      const p: Point = [data[i++], data[i++]];
      if (current) {
        current.points.push(p);
        current.curved = true;
      }
    } else if (op === CLOSE) {
      if (current) current.closed = true;
    } else break;
  }
  return out;
}

function axisSegment(a: Point, b: Point, o: GraphicsOptions): Segment | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= 0.5 && dx >= o.minLength) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y };
  }
  if (dx <= 0.5 && dy >= o.minLength) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]) };
  }
  return null; // slanted: not a table rule
}

/** A closed 4-corner axis-aligned path: its box. */
function rectangleOf(points: Point[]): { x0: number; y0: number; x1: number; y1: number } | null {
  const pts = points.length === 5 && Math.hypot(points[0][0] - points[4][0], points[0][1] - points[4][1]) < 0.5 ? points.slice(0, 4) : points;
  if (pts.length !== 4) return null;
  for (let k = 0; k < 4; k++) {
    const a = pts[k], b = pts[(k + 1) % 4];
    if (Math.abs(a[0] - b[0]) > 0.5 && Math.abs(a[1] - b[1]) > 0.5) return null;
  }
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The box of a short filled polygon that is thin and long enough to be a rule, whatever its corners. */
function thinPolygon(points: Point[], o: GraphicsOptions): { x0: number; y0: number; x1: number; y1: number } | null {
  if (points.length < 3 || points.length > 8) return null;
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  const [w, h] = [box.x1 - box.x0, box.y1 - box.y0];
  // long compared with its thickness: a glyph's stroke drawn as a path is short
  return Math.min(w, h) <= o.maxRuleThickness && Math.max(w, h) >= Math.max(10, 8 * Math.min(w, h)) ? box : null;
}

/**
 * Ruling segments of one page from its operator list, in displayed-page coordinates (`view` maps PDF user
 * space to the top-left-origin, rotated viewport). Stroked lines and rectangle edges count; so do thin
 * filled rectangles. White strokes and fills are dropped; large fills (shading) are not rules.
 * The list is read chunk by chunk as pdf.js produces it (`read`), so it never needs to be held whole.
 */
export function segmentReader(ops: Ops, view: Matrix, o: GraphicsOptions = GRAPHICS_DEFAULTS): { read(fnArray: number[], argsArray: unknown[][]): void; segments: Segment[] } {
  const out: Segment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let stroke: unknown = '#000000';
  let fill: unknown = '#000000';
  const stack: { ctm: Matrix; stroke: unknown; fill: unknown }[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);

  const read = (fnArray: number[], argsArray: unknown[][]) => {
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i];
      const args = argsArray[i];
      if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
        stack.push({ ctm, stroke, fill });
        if (fn === ops.paintFormXObjectBegin && Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix);
      } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) {
        const s = stack.pop();
        if (s) ({ ctm, stroke, fill } = s);
      } else if (fn === ops.transform) {
        ctm = multiply(ctm, args as unknown as Matrix);
      } else if (fn === ops.setStrokeRGBColor) {
        stroke = args[0];
      } else if (fn === ops.setFillRGBColor) {
        fill = args[0];
      } else if (fn === ops.constructPath) {
        const paint = args[0] as unknown as number;
        const data = (args[1] as unknown as ArrayLike<number>[])?.[0];
        if (!data) continue;
        const doStroke = strokes.has(paint) && !isWhite(stroke);
        const doFill = fills.has(paint) && !isWhite(fill);
        if (!doStroke && !doFill) continue;
        const m = multiply(view, ctm);
        for (const sub of subpaths(data)) {
          if (sub.curved) continue;
          const pts = sub.points.map(([x, y]) => apply(m, x, y));
          // a thin filled polygon with bevelled ends (Excel → PDF converters draw each rule so) is a rule too
          const rect = rectangleOf(pts) ?? thinPolygon(pts, o);
          if (doFill && rect) {
            const w = rect.x1 - rect.x0, h = rect.y1 - rect.y0;
            if (h <= o.maxRuleThickness && w >= o.minLength) out.push({ x0: rect.x0, y0: (rect.y0 + rect.y1) / 2, x1: rect.x1, y1: (rect.y0 + rect.y1) / 2 });
            else if (w <= o.maxRuleThickness && h >= o.minLength) out.push({ x0: (rect.x0 + rect.x1) / 2, y0: rect.y0, x1: (rect.x0 + rect.x1) / 2, y1: rect.y1 });
            else if (!doStroke) continue;
          }
          if (doStroke) {
            const closed = sub.closed && pts.length > 2 ? [...pts, pts[0]] : pts;
            for (let k = 1; k < closed.length; k++) {
              const s = axisSegment(closed[k - 1], closed[k], o);
              if (s) out.push(s);
            }
          }
        }
      }
    }
  };
  return { read, segments: out };
}
