import type { Indicator } from '../../src/model/form.js';
import { labelKey, tokens, type Token } from './labels.js';

/** 一级指标 (BRIEF.md §4.3). 成本指标 is 一级 in the newer spec and 二级 under 产出 in the older one. */
const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '成本指标']);
const LEVEL2 = new Set([
  '数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标',
  '经济成本指标', '社会成本指标', '生态环境成本指标',
]);
/** Block labels printed in the indicator area that are not indicators. */
const BLOCK_LABELS = new Set(['绩效指标', '年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值']);

export function isLevel2(text: string): boolean {
  const k = labelKey(text);
  // 服务对象满意度指标 is printed cut short (服务对象满意 / 服务对象满意度指) in narrow columns, and the 二级 of
  // 成本指标 without 指标 (经济成本, 社会成本, 生态环境成本)
  return LEVEL2.has(k) || LEVEL2.has(`${k}指标`) && /成本$/.test(k) || k.startsWith('服务对象满意');
}

const OPS: [RegExp, Indicator['op']][] = [
  [/^(≥|>=|大于等于|不低于|不少于)/, '≥'],
  [/^(≤|<=|小于等于|不高于|不超过|不多于)/, '≤'],
  [/^(=|＝|等于)/, '='],
  [/^(>|大于|高于)/, '>'],
  [/^(<|小于|低于)/, '<'],
];
const TEMPORAL = /^\d{4}年(底|末|初|中|内|前|上半年|下半年|\d{1,2}月.*)?$/;

/** `[operator] number [unit]`, or a qualitative/temporal value (op, number and unit null). */
export function parseIndicatorValue(valueRaw: string): Pick<Indicator, 'op' | 'number' | 'unit'> {
  let s = valueRaw.normalize('NFKC').replace(/\s+/g, '');
  let op: Indicator['op'] = null;
  for (const [re, o] of OPS) {
    const m = re.exec(s);
    if (m) {
      op = o;
      s = s.slice(m[0].length);
      break;
    }
  }
  const m = /^(-?\d[\d,]*(?:\.\d+)?)(.*)$/.exec(s);
  if (!m || TEMPORAL.test(s)) return { op: null, number: null, unit: null };
  // a unit printed in parentheses, =100.00(%) or ≥13459.00(平方米), is the same unit
  const unit = m[2].replace(/^\((.+)\)$/, '$1');
  if (unit.length > 8 || /\d/.test(unit)) return { op: null, number: null, unit: null };
  return { op, number: m[1].replace(/,/g, ''), unit: unit || null };
}

interface Side {
  level1: string;
  level2: string;
}

/** Reads one block of a row: [一级] [二级] [三级 指标值]; returns how many tokens it used. */
function readBlock(row: Token[], start: number, side: Side, allowLevel1: boolean): { used: number; level3: string; value: string } {
  let i = start;
  const at = (k: number) => (row[k] ? labelKey(row[k].text) : '');
  if (allowLevel1 && LEVEL1.has(at(i))) {
    // 成本指标 成本指标 三级…: 一级 and 二级; 成本指标 三级…: 二级 under 产出 (older spec)
    const isLevel1 = at(i) !== '成本指标' || (isLevel2(row[i + 1]?.text ?? '') && row[i + 2] !== undefined && !isLevel2(row[i + 2].text));
    if (isLevel1) {
      side.level1 = row[i].text;
      side.level2 = '';
      i++;
    }
  }
  if (row[i] && isLevel2(row[i].text)) {
    side.level2 = row[i].text;
    i++;
  }
  let level3 = '';
  let value = '';
  if (row[i] && !isLevel2(row[i].text)) {
    level3 = row[i].text;
    i++;
    if (row[i] && !isLevel2(row[i].text)) {
      value = row[i].text;
      i++;
    }
  }
  return { used: i - start, level3, value };
}

/**
 * The indicator grid: 一级/二级 labels are printed once and hold for the rows below (merged cells); a 一级
 * label printed further down its merged cell also names the rows above it. Project forms print the 实施期
 * grid on the left and the 年度 grid on the right, the right one starting at its 二级 label.
 */
export function readIndicators(rows: string[][], twoPeriods: boolean): Indicator[] {
  const out: Indicator[] = [];
  const left: Side = { level1: '', level2: '' };
  const right: Side = { level1: '', level2: '' };
  const emit = (side: Side, level3: string, value: string, period?: Indicator['period']) => {
    if (!level3 && !value) return;
    const indicator: Indicator = { level1: side.level1, level2: side.level2, level3, valueRaw: value, ...parseIndicatorValue(value) };
    out.push(period ? { period, ...indicator } : indicator);
  };
  for (const fields of rows) {
    const row = tokens(fields).filter((t) => !BLOCK_LABELS.has(labelKey(t.text)));
    if (!row.length) continue;
    const before = left.level1;
    const a = readBlock(row, 0, left, true);
    if (!before && left.level1) for (const ind of out) if (!ind.level1) ind.level1 = left.level1;
    emit(left, a.level3, a.value, twoPeriods ? '实施期' : undefined);
    if (!twoPeriods || a.used >= row.length) continue;
    right.level1 = left.level1;
    const b = readBlock(row, a.used, right, false);
    emit(right, b.level3, b.value, '年度');
  }
  return out;
}
