/** Label handling shared by the form parsers: forms are found by their printed labels, never by position. */

export interface Token {
  col: number;
  text: string;
}

/** NFKC, no whitespace, one kind of colon and parenthesis, no trailing colon: 其中：中央财政资金 → 其中:中央财政资金. */
export function labelKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/：/g, ':').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/:$/, '');
}

/** The printed fields of a row, blanks dropped, with their columns. */
export function tokens(row: string[]): Token[] {
  return row.map((text, col) => ({ col, text: text.trim() })).filter((t) => t.text !== '');
}

/** Text fields sometimes carry HTML paragraph tags from the budget system. */
export function stripHtml(s: string): string {
  return s.replace(/<\/?[a-z][^>]*>/gi, '').replace(/&nbsp;/g, ' ').trim();
}

/**
 * Labels that wrap onto the next line leave a row holding only their tail (市县(区)财政资 / 金): such a row,
 * one short token under a label of the row above, is joined to that label.
 */
export function joinWrappedLabels(rows: string[][]): string[][] {
  const out: string[][] = [];
  for (const row of rows) {
    const t = tokens(row);
    const prev = out[out.length - 1];
    if (prev && t.length === 1 && t[0].text.length <= 2 && !/\d/.test(t[0].text) && prev[t[0].col]?.trim()) {
      prev[t[0].col] = prev[t[0].col].trim() + t[0].text;
      continue;
    }
    out.push([...row]);
  }
  return out;
}

/** The value printed after a label in the same row (null when the next field is another label or nothing). */
export function valueAfter(row: Token[], index: number, isLabel: (text: string) => boolean): string | null {
  const next = row[index + 1];
  return next && !isLabel(next.text) ? next.text : null;
}
