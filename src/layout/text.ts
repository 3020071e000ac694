import type { TextRun } from './geometry.js';

/**
 * CJK Radicals Supplement code points that fonts map ideographs to, and the ideograph each stands for
 * (Unicode's EquivalentUnifiedIdeograph data for the radicals that double as whole characters).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻐': '钅', '⻓': '长', '⻔': '门', '⻘': '青',
  '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
  '⺟': '母', '⺼': '肉', '⻁': '虎', '⻄': '西', '⻊': '足', '⻗': '雨', '⺶': '羊', '⺮': '竹', '⺷': '羊', '⻂': '衣',
};

/**
 * Some generators (Chromium with Noto CJK among them) map ideographs to their Kangxi-radical, radical-
 * supplement or compatibility code points in ToUnicode (⼗ for 十, ⻔ for 门). NFKC maps the Kangxi and
 * compatibility ones back, a table the supplement ones; nothing else is touched.
 */
export function fixRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

const isAsciiWord = (c: string | undefined) => !!c && /[A-Za-z0-9%.)\]]/.test(c);

/** Joins runs of one visual line left to right; a space only where a real gap separates two Latin words. */
export function joinRuns(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let prev: TextRun | null = null;
  for (const r of sorted) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      const last = text[text.length - 1];
      const next = r.text[0];
      if (gap > 0.25 * Math.min(prev.fontSize, r.fontSize) && last !== ' ' && next !== ' ' && (isAsciiWord(last) || isAsciiWord(next))) text += ' ';
      else if (gap > 1.5 * Math.min(prev.fontSize, r.fontSize) && last !== ' ' && next !== ' ') text += ' ';
    }
    text += r.text;
    prev = r;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export interface Line {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  fontSize: number;
}

/** Runs whose vertical centres are within half a font size form one line; lines come top to bottom. */
export function groupLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => (a.top + a.bottom) / 2 - (b.top + b.bottom) / 2 || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  for (const r of sorted) {
    const mid = (r.top + r.bottom) / 2;
    const line = lines[lines.length - 1];
    if (line) {
      const lineMid = line.reduce((s, x) => s + (x.top + x.bottom) / 2, 0) / line.length;
      if (Math.abs(mid - lineMid) <= 0.5 * Math.min(r.fontSize, line[0].fontSize)) {
        line.push(r);
        continue;
      }
    }
    lines.push([r]);
  }
  return lines.map((rs) => ({ ...spanOf(rs), fontSize: Math.max(...rs.map((r) => r.fontSize)) }));
}

/** Runs taken together: their text and the box around them. */
export function spanOf(runs: TextRun[]): Pick<Line, 'runs' | 'text' | 'x0' | 'x1' | 'top' | 'bottom'> {
  return {
    runs,
    text: joinRuns(runs),
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    top: Math.min(...runs.map((r) => r.top)),
    bottom: Math.max(...runs.map((r) => r.bottom)),
  };
}

/**
 * Splits a run at given x positions (cell borders it crosses), sharing its width among its characters:
 * CJK characters one em, others half an em.
 */
export function splitRun(run: TextRun, cuts: number[]): TextRun[] {
  const inside = cuts.filter((x) => x > run.x0 + 1 && x < run.x1 - 1).sort((a, b) => a - b);
  if (!inside.length) return [run];
  const chars = [...run.text];
  const weights = chars.map((c) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c) ? 1 : 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  const unit = (run.x1 - run.x0) / total;
  const pieces: TextRun[] = [];
  let x = run.x0;
  let current = '';
  let start = run.x0;
  let cut = 0;
  chars.forEach((c, i) => {
    const w = weights[i] * unit;
    const centre = x + w / 2;
    while (cut < inside.length && centre > inside[cut]) {
      if (current) pieces.push({ ...run, text: current, x0: start, x1: x });
      current = '';
      start = x;
      cut++;
    }
    current += c;
    x += w;
  });
  if (current) pieces.push({ ...run, text: current, x0: start, x1: run.x1 });
  return pieces.filter((p) => p.text.trim());
}
