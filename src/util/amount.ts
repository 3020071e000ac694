import { Decimal } from 'decimal.js';

const PLAIN = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** printed nil markers: blank, dash, em dash */
const NIL = /^(|-|--|—|——|–|\/)$/;

/**
 * A figure as the page prints it, before any typing: 1,234.56 · 0.00 · -3.2 · −3.2 · (41,038) · 12.5% · 1234.
 * Layout stages (ruled row bands, borderless columns) look for these; typing reads them with parseAmount.
 */
const FIGURE = /^[-−(（]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[)）]?%?$/;

export function isFigure(printed: string): boolean {
  return FIGURE.test(printed.normalize('NFKC').replace(/\s+/g, ''));
}

export type ParsedAmount = { kind: 'blank' } | { kind: 'amount'; value: string } | { kind: 'text' };

/**
 * Reads a printed amount exactly: "2,940.05" → "2940.05", "0.00" stays "0.00" (a printed zero differs
 * from a blank), "—" and "" are blank. Anything else is text, never guessed at.
 */
export function parseAmount(printed: string): ParsedAmount {
  const s = printed.normalize('NFKC').replace(/\s+/g, '');
  if (NIL.test(s)) return { kind: 'blank' };
  if (PLAIN.test(s)) return { kind: 'amount', value: s };
  if (GROUPED.test(s)) return { kind: 'amount', value: s.replace(/,/g, '') };
  return { kind: 'text' };
}

/** The amount as a decimal string, null for blank or text. */
export function amountOrNull(printed: string): string | null {
  const p = parseAmount(printed);
  return p.kind === 'amount' ? p.value : null;
}

export function isAmount(printed: string): boolean {
  return parseAmount(printed).kind === 'amount';
}

/** Exact sum of decimal strings (blank = 0). */
export function sumAmounts(values: (string | null | undefined)[]): Decimal {
  return values.reduce<Decimal>((acc, v) => (v ? acc.plus(v) : acc), new Decimal(0));
}
