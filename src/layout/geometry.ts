/** Page geometry in PDF points, origin top-left of the displayed page (y grows downwards). */

export type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** An axis-aligned ruling segment: horizontal (y0 === y1) or vertical (x0 === x1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const isHorizontal = (s: Segment) => s.y0 === s.y1;

/** A run of text as the PDF places it: one line, left to right, with its box. */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyph box */
  top: number;
  bottom: number;
  fontSize: number;
}

export interface PageContent {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
}

/** Groups sorted values whose neighbours lie within `tolerance`; returns each group's mean. */
export function clusterValues(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1] > tolerance) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
