import type { Table } from '../../src/model/table.js';
import { columnSums as sumsOfColumns, refOf } from '../../src/validate/evaluators.js';
import { dec } from '../../src/validate/tolerance.js';
import type { Instance } from '../../src/validate/types.js';

/** Table evaluators that read the wording of Chinese disclosures (notes, 其中 and 增减 headers). */

/** Per row: each total column = the columns it sums; columns under a 其中 ("of which") header are parts of another. */
// 其中 (of which) columns, and memo columns that restate part of the spending another way (政府采购 …), add to nothing
export const columnSums = (t: Table): Instance[] => sumsOfColumns(t, (header) => /^其中|政府采购|购买服务/.test(header.replace(/^\d{4}年?/, '')));

const NO_DATA = /无数据|空表|没有.*(收入|支出)|无.*(收入|支出)/;

/**
 * A table that is about money: a standard table, one that declares a money unit (单位：万元), or one that
 * prints amounts with decimals. A list of the units a department is made of (序号 | 单位名称) holds none,
 * and the rules about amounts (a no-data note when it prints none, no negatives) have nothing to say on it.
 */
export function holdsMoney(t: Table): boolean {
  return t.kind !== 'generic' || t.unit != null || t.cells.some((c) => !c.header && /^-?[\d,]+\.\d+$/.test(c.text.trim()));
}

/** A table evaluator applied to the tables that hold money only. */
export const onMoney = (evaluate: (t: Table) => Instance[]) => (t: Table) => (holdsMoney(t) ? evaluate(t) : []);

/**
 * An empty table carries a no-data note (warn: many documents say so in the narrative instead), and a
 * table whose note says it has no data prints no amounts (fail).
 */
export function emptyNote(t: Table): Instance[] {
  // a note saying what a blank would mean (如无数字则表示…, 若为空…) states no data only when the table is blank
  const conditional = /(如|若|如果)(无|没有|为空|空白)/.test(t.note ?? '');
  const noted = NO_DATA.test(t.note ?? '') && !(conditional && !t.empty);
  // a table that prints only zeros has no data either
  const noData = t.empty || (t.rows ?? []).every((r) => Object.values(r.values).every((v) => v == null || dec(v).isZero()));
  if (!noData && !noted) return [];
  const ok = noData === noted;
  return [{
    status: ok ? 'pass' : noted ? 'fail' : 'warn',
    message: `${t.title}: ${noData ? 'no amounts' : 'amounts printed'}, ${noted ? 'note says no data' : 'no no-data note'}`,
    refs: [{ table: t.id, ...(t.pages[0] ? { page: t.pages[0] } : {}), text: t.note ?? '' }],
  }];
}

/** Amounts are not negative outside change columns (增减). */
export function nonNegative(t: Table): Instance[] {
  const change = new Set((t.columns ?? []).filter((c) => c.path.some((p) => /增减|变动|比上年/.test(p))).map((c) => c.key));
  // a change row (增减, 比上年) may go below zero as a change column may
  const negatives = (t.rows ?? [])
    .filter((r) => !/增减|变动|比上年|差额/.test(r.name))
    .flatMap((r) => Object.entries(r.values).filter(([k, v]) => v?.startsWith('-') && !change.has(k)).map(([k]) => refOf(t, r, k)));
  if (!(t.rows ?? []).length) return [];
  return [{ status: negatives.length ? 'fail' : 'pass', message: `${t.title}: ${negatives.length} negative amounts`, refs: negatives }];
}
