import { ECON_DEPT, FUNCTION_CLASSES, FUNCTION_CLASS_OLD_NAMES } from '../common/catalogue.js';
import type { Output } from '../../src/model/output.js';
import type { Table, TypedRow } from '../../src/model/table.js';
import { chineseNumber, compact, labelKey } from '../../src/util/text.js';
import * as budget from './budget-rules.js';
import type { Instance, Ref } from '../../src/validate/types.js';
import { isDisclosure, onlyWhen } from '../../src/validate/lookup.js';
import { bareName } from '../../src/util/text.js';
import type { Rule } from '../../src/validate/types.js';

/**
 * GEN-T-05 and GEN-S-01 … GEN-S-06 of rules.yaml: codes and names, units, organisation, year, table of
 * contents, table numbering and the required table set. Budget cross-table rules registered here live in
 * budget-rules.ts.
 */

const tableRef = (t: Table, r?: TypedRow, text?: string): Ref => ({
  table: t.id,
  ...(r ? { row: r.row } : {}),
  ...(t.pages[0] ? { page: t.pages[0] } : {}),
  text: text ?? (r ? `${r.code ?? ''} ${r.name}`.trim() : t.title),
});
const standard = (out: Output) => out.tables.filter((t) => t.kind !== 'generic');
/** the pieces of one table printed over several pages share kind, title and qualifier */
const pieceKey = (t: Table) => `${t.kind}|${compact(t.title)}|${t.qualifier ?? ''}`;

// ---------------------------------------------------------------------------------------------------------
// GEN-T-05 codes and names

const CODE_TABLES = ['B.income', 'B.expenditure', 'B.gpb_expenditure', 'F.income', 'F.expenditure', 'F.gpb_expenditure', 'F.gpb_basic_econ'];
/** names compared after NFKC, without spaces, quotes, ordinals and a trailing （类）/（款）/（项） */
const nameKey = (s: string) => labelKey(bareName(s)).replace(/[(（](类|款|项)[)）]$/, '');

/**
 * Function codes have 3/5/7 digits (economic 3/5), every 款/项 has its parent row in the table, one code
 * carries one name across the tables, and 类 names (and the 部门 economic 款) are those of the catalogue.
 */
function codes(out: Output): Instance[] {
  const tables = out.tables.filter((t) => CODE_TABLES.includes(t.kind) && t.rows?.length);
  const checks: Instance[] = [];
  const names = new Map<string, { name: string; t: Table; r: TypedRow }[]>();
  // a table printed over several pages may come as several pieces of one title: parents are looked up in all
  const codesOf = new Map<string, Set<string>>();
  for (const t of tables) codesOf.set(pieceKey(t), new Set([...(codesOf.get(pieceKey(t)) ?? []), ...(t.rows ?? []).filter((r) => r.code).map((r) => r.code!)]));
  for (const t of tables) {
    // function and economic codes only: a 收入总表 by unit (单位编码 | 单位名称) carries unit codes (015001)
    if ((t.columns ?? []).some((c) => c.key === 'code' && c.path.some((p) => /单位/.test(p)))) continue;
    const rows = (t.rows ?? []).filter((r) => r.code && r.codeScheme && r.codeScheme !== 'revenue');
    if (!rows.length) continue;
    const own = codesOf.get(pieceKey(t))!;
    // a level the table prints at all (some tables list 项 rows only, per unit: Beijing)
    const lengthsPrinted = new Set([...own].map((c) => c.length));
    const bad: string[] = [];
    const refs: Ref[] = [];
    for (const r of rows) {
      const economic = r.codeScheme === 'economic_dept' || r.codeScheme === 'economic_gov' || t.kind === 'F.gpb_basic_econ';
      const lengths = economic ? [3, 5] : [3, 5, 7];
      const code = r.code!;
      if (!/^\d+$/.test(code) || !lengths.includes(code.length)) {
        bad.push(`${code} is not a ${economic ? '3/5' : '3/5/7'}-digit code`);
        refs.push(tableRef(t, r));
        continue;
      }
      if (code.length > 3 && lengthsPrinted.has(code.length - 2) && !own.has(code.slice(0, code.length - 2))) {
        bad.push(`${code} ${r.name} has no parent ${code.slice(0, code.length - 2)}`);
        refs.push(tableRef(t, r));
      }
      if (!r.codeInferred && nameKey(r.name)) names.set(`${economic ? 'e' : 'f'}${code}`, [...(names.get(`${economic ? 'e' : 'f'}${code}`) ?? []), { name: r.name, t, r }]);
    }
    checks.push({ status: bad.length ? 'fail' : 'pass', message: `${t.title}: ${rows.length} codes${bad.length ? `; ${bad.slice(0, 3).join('; ')}` : ' well formed, parents present'}`, refs });
  }
  // one name per code, and the catalogue's name for 类 and economic 款
  const differing: string[] = [];
  const refs: Ref[] = [];
  let firstOff: [string, string] | undefined;
  for (const [key, uses] of names) {
    const code = key.slice(1);
    const distinct = [...new Set(uses.map((u) => nameKey(u.name)))];
    const catalogue = key[0] === 'f' ? (code.length === 3 ? FUNCTION_CLASSES[code] : undefined) : ECON_DEPT[code];
    const accepted = catalogue ? [nameKey(catalogue), ...Object.entries(FUNCTION_CLASS_OLD_NAMES).filter(([, c]) => key[0] === 'f' && c === code).map(([n]) => nameKey(n))] : [];
    const offCatalogue = catalogue ? distinct.filter((n) => !accepted.includes(n)) : [];
    if (distinct.length > 1 || offCatalogue.length) {
      differing.push(`${code}: ${distinct.join(' / ')}${offCatalogue.length ? ` (catalogue: ${catalogue})` : ''}`);
      firstOff ??= offCatalogue.length ? [catalogue!, offCatalogue[0]] : [distinct[0], distinct[1]];
      refs.push(...uses.filter((u) => distinct.length > 1 || offCatalogue.includes(nameKey(u.name))).map((u) => tableRef(u.t, u.r)));
    }
  }
  if (names.size) checks.push({ status: differing.length ? 'fail' : 'pass', message: `${names.size} codes named alike in every table${differing.length ? `; differing: ${differing.slice(0, 3).join('; ')}` : ''}`, ...(firstOff ? { expected: firstOff[0], actual: firstOff[1] } : {}), refs });
  return checks;
}

// ---------------------------------------------------------------------------------------------------------
// GEN-S-01 units

function units(out: Output): Instance[] {
  // a continuation piece of a table (its 单位 line printed on the first page only) has the unit of the table
  const declared = new Set(standard(out).filter((t) => t.unit).map(pieceKey));
  return standard(out).map((t) => {
    const ok = declared.has(pieceKey(t));
    return { status: ok ? 'pass' : 'fail', message: `${t.title}: ${ok ? `单位：${t.unit ?? out.tables.find((x) => x.unit && pieceKey(x) === pieceKey(t))!.unit}` : 'no money unit declared'}`, refs: ok ? [] : [tableRef(t)] } as Instance;
  });
}

// ---------------------------------------------------------------------------------------------------------
// GEN-S-02 organisation name

const CJK_RUN = /[\p{Script=Han}（）()]+/gu;

/** Edit distance of two short strings. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/**
 * The name a text gives the organisation where it names it before a year (封面, 表头 "XX局2024年度部门决算表",
 * "XX局2024年度无…"): the ending of the run of characters before the year that is closest to the
 * organisation's name. Returns the name when it is a near miss (a character or a district off), null
 * when the text names the organisation exactly or names something else.
 */
function nearMiss(text: string, org: string): string | null {
  let found: string | null = null;
  for (const m of compact(text).matchAll(/([\p{Script=Han}（）()]+?)(?=\d{4}年)/gu)) {
    const run = m[1];
    let best: { s: string; d: number } | null = null;
    for (let len = Math.max(2, org.length - 4); len <= Math.min(run.length, org.length + 2); len++) {
      const s = run.slice(run.length - len);
      const d = distance(s, org);
      if (!best || d < best.d) best = { s, d };
    }
    if (!best || best.d === 0) continue;
    // the same kind of body (局, 办公室, 委员会 …), at most three characters off
    // (a short form that drops the region, 市水务局 for 深圳市水务局, is the same name)
    if (best.d <= 3 && best.s.slice(-1) === org.slice(-1) && !org.endsWith(best.s)) found = best.s;
  }
  return found;
}

function organisation(out: Output): Instance[] {
  const org = out.document.organization ? compact(out.document.organization) : null;
  if (!org) return [];
  const units = new Set(
    out.tables.flatMap((t) => (t.rows ?? []).filter((r) => r.level === 'unit' || r.level === 'department').map((r) => compact(r.name))),
  );
  const named: { where: string; name: string; ref: Ref }[] = [];
  for (const t of standard(out)) if (t.organization) named.push({ where: t.title, name: compact(t.organization), ref: tableRef(t, undefined, t.organization) });
  for (const f of out.forms) {
    const name = f.kind === 'perf.dept_overall' ? f.departmentName : f.department;
    if (name) named.push({ where: f.title, name: compact(name), ref: { table: f.id, col: 'department', text: name } });
  }
  const texts = [
    ...(out.document.title ? [{ where: '封面', text: out.document.title, ref: { text: out.document.title } as Ref }] : []),
    ...out.tables.map((t) => ({ where: t.title, text: t.title, ref: tableRef(t) })),
    ...out.sections.flatMap((s) => [s.title, ...s.paragraphs].map((text) => ({ where: `${s.number}、${s.title}`, text, ref: { text, ...(s.pages[0] ? { page: s.pages[0] } : {}) } as Ref }))),
  ];
  for (const x of texts) {
    const miss = nearMiss(x.text, org);
    if (miss) named.push({ where: x.where, name: miss, ref: x.ref });
  }
  if (!named.length && !texts.length) return [];
  const wrong = named.filter((n) => n.name !== org && !units.has(n.name));
  return [{
    status: wrong.length ? 'fail' : 'pass',
    message: `organisation ${out.document.organization}: ${named.length} other mentions${wrong.length ? `; differs: ${[...new Set(wrong.map((w) => `${w.name} (${w.where.slice(0, 30)})`))].slice(0, 3).join('; ')}` : ' agree'}`,
    expected: out.document.organization!,
    ...(wrong.length ? { actual: wrong[0].name } : {}),
    refs: wrong.map((w) => w.ref),
  }];
}

// ---------------------------------------------------------------------------------------------------------
// GEN-S-03 year

/** The document year: the cover's, else the year most table titles carry. */
function documentYear(out: Output): number | null {
  if (out.document.year) return out.document.year;
  const years = out.tables.map((t) => /(20\d\d)\s*年/.exec(t.title)?.[1]).filter((y): y is string => !!y);
  if (!years.length) return null;
  const counts = new Map<string, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  return Number([...counts].sort((a, b) => b[1] - a[1])[0][0]);
}

/** 比2023年预算 / 与2023年度相比 / 较2023年: the comparison year of a sentence, and what follows it */
const COMPARED = /(?:比|较|与|同)\s*(20\d\d)\s*年度?(年初|全年|预算|决算|执行|相比|比较|同期)?/g;
/** 2024年预算收支总表, 2024年度部门决算, 第二部分 2024年部门预算报表 */
const OWN_YEAR = /^(?:第[一二三四五六七八九十]+部分)?(?:[\p{Script=Han}（）()]*?)(20\d\d)\s*年度?\s*(?:[\p{Script=Han}]*?)(?:部门|单位|区级|市级|县级)?(?:预算|决算)(?!执行)/u;

function years(out: Output): Instance[] {
  const year = documentYear(out);
  if (!year) return [];
  const checks: Instance[] = [];
  const own = (text: string, ref: Ref, where: string) => {
    const m = OWN_YEAR.exec(compact(text));
    if (m) checks.push({ status: Number(m[1]) === year ? 'pass' : 'fail', message: `${where}: ${m[1]} vs document year ${year}`, expected: String(year), actual: m[1], refs: [ref] });
  };
  for (const t of standard(out)) own(t.title, tableRef(t), t.title);
  for (const e of out.toc) own(e.title, { text: e.title }, `目录 ${e.title}`);
  for (const s of out.sections) {
    own(s.title, { text: s.title, ...(s.pages[0] ? { page: s.pages[0] } : {}) }, `${s.number}、${s.title}`);
    for (const p of s.paragraphs) {
      for (const m of compact(p).matchAll(COMPARED)) {
        const y = Number(m[1]);
        // a 决算 is also held against the budget of its own year (比2024年年初预算 …)
        const ownBudget = out.document.family === 'final_accounts' && /^(年初|全年|预算)$/.test(m[2] ?? '');
        const expected = ownBudget ? year : year - 1;
        checks.push({ status: y === expected ? 'pass' : 'fail', message: `${s.number}、${s.title}: compared with ${y}${ownBudget ? `'s budget, the document year is ${year}` : `, the year before ${year} is ${year - 1}`}`, expected: String(expected), actual: String(y), refs: [{ text: p.slice(0, 120), ...(s.pages[0] ? { page: s.pages[0] } : {}) }] });
      }
    }
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------------------
// GEN-S-04 table of contents, GEN-S-05 numbering labels

const NUMERAL = String.raw`(?:\d+|[一二三四五六七八九十]+)`;
/** 表一, 表1, 预算公开表1, 部门公开表9, 预算01表, 公开01表, 附表1, 表1-1 */
const LABEL = new RegExp(String.raw`^(?:[\p{Script=Han}]{0,4}?公开表${NUMERAL}|(?:预算|决算|公开|部门)${NUMERAL}表|附?表${NUMERAL}(?:-\d+)?)`, 'u');

/** the label of a table, also when it was read glued to the title (预算03表支出总表) */
function labelOf(t: Table): string | undefined {
  if (t.label) return compact(t.label);
  return LABEL.exec(compact(t.title))?.[0];
}
/** 表14-1 … 表14-9 are parts of 表14: one scheme with 表N */
const schemeOf = (label: string) => label.replace(/-\d+$/, '').replace(/\d+/g, 'N').replace(/[一二三四五六七八九十]+/g, 'N');
const numberOf = (label: string): number | null => {
  const m = /(\d+|[一二三四五六七八九十]+)/.exec(label.replace(/^[^表\d一二三四五六七八九十]*(?=表)/, ''));
  return m ? chineseNumber(m[1]) : null;
};

/** a title compared between 目录 and body: no year, label, numbering, organisation or quotes */
function titleKey(title: string, org: string | null): string {
  let s = labelKey(title).replace(LABEL, '').replace(/^\d+[.、．]\s*/, '');
  if (org) s = s.replace(compact(org), '');
  return s.replace(/^(20\d\d)年度?/, '').replace(/[:：]/g, '');
}

/** 目录 entries that name tables: labelled (表一 …) or numbered (1. …) entries ending in 表 (with a qualifier) */
function tocTables(out: Output) {
  return out.toc.filter((e) => {
    const title = compact(e.title);
    const isTable = /表(?:[(（][^)）]*[)）])?$/.test(title) && !/^第[一二三四五六七八九十]+部分|报表$/.test(title);
    return isTable && (e.label !== undefined || /^\d+[.、．]/.test(title) || LABEL.test(title));
  });
}

function tableOfContents(out: Output): Instance[] {
  const entries = tocTables(out);
  if (!entries.length) return [];
  const org = out.document.organization;
  const body = standard(out);
  const bodyKeys = body.map((t) => titleKey(t.title, org));
  const tocKeys = entries.map((e) => titleKey(e.title, org));
  const missing = entries.filter((_, i) => !bodyKeys.includes(tocKeys[i]));
  const unlisted = body.filter((_, i) => !tocKeys.includes(bodyKeys[i]));
  return [
    ...missing.map((e) => ({ status: 'fail', message: `目录 lists ${e.label ?? ''}${e.title}, not found among the tables`, refs: [{ text: e.title, ...(e.page ? { page: e.page } : {}) }] }) as Instance),
    ...unlisted.map((t) => ({ status: 'fail', message: `${t.title} is not listed in the 目录`, refs: [tableRef(t)] }) as Instance),
    { status: 'pass', message: `${entries.length - missing.length} of ${entries.length} 目录 tables found in the body`, refs: [] },
  ];
}

function numbering(out: Output): Instance[] {
  // tables in body order; generic tables count only when they carry a label of their own; the pieces of a
  // table printed over several pages (same label, same title, one after the other) count once
  const tables = out.tables
    .filter((t) => t.kind !== 'generic' || labelOf(t))
    .filter((t, i, all) => i === 0 || pieceKey(all[i - 1]) !== pieceKey(t) || labelOf(all[i - 1]) !== labelOf(t));
  const labelled = tables.map((t) => ({ t, label: labelOf(t) })).filter((x): x is { t: Table; label: string } => !!x.label);
  if (!labelled.length) return [];
  const checks: Instance[] = [];
  const schemes = [...new Set(labelled.map((x) => schemeOf(x.label)))];
  checks.push({ status: schemes.length > 1 ? 'fail' : 'pass', message: `table number labels: ${labelled.map((x) => x.label).join(', ')} — ${schemes.length} scheme${schemes.length > 1 ? 's' : ''}`, refs: schemes.length > 1 ? labelled.map((x) => tableRef(x.t, undefined, x.label)) : [] });
  const unlabelled = tables.filter((t) => t.kind !== 'generic' && !labelOf(t));
  checks.push({ status: unlabelled.length ? 'fail' : 'pass', message: `${labelled.length} of ${labelled.length + unlabelled.length} tables labelled`, refs: unlabelled.map((t) => tableRef(t)) });
  if (!unlabelled.length) {
    // numbers go up one at a time; a gap is a table the document numbers but prints as something else
    // (a 绩效目标表 read as a form, a table the reader did not recognise), a repeat or a step back is not
    const numbers = labelled.map((x) => numberOf(x.label));
    const others = out.forms.length > 0 || out.tables.some((t) => t.kind === 'generic' && !labelOf(t));
    const part = (label: string) => /-\d+$/.test(label);
    const bad = numbers.some((n, i) => {
      if (n === null) return true;
      if (i === 0) return false;
      const prev = numbers[i - 1]!;
      // 表14-1, 表14-2 … share their number
      if (n === prev) return !part(labelled[i].label);
      return n < prev || (!others && n !== prev + 1);
    });
    checks.push({ status: bad ? 'fail' : 'pass', message: `labels numbered ${numbers.join(', ')}`, refs: bad ? labelled.map((x) => tableRef(x.t, undefined, x.label)) : [] });
  }
  // the number a table carries is its number in the 目录
  const toc = tocTables(out).filter((e) => e.label);
  if (toc.length) {
    const org = out.document.organization;
    const off = labelled.filter((x) => {
      const entry = toc.find((e) => titleKey(e.title, org) === titleKey(x.t.title, org));
      return entry && numberOf(compact(entry.label!)) !== numberOf(x.label);
    });
    checks.push({ status: off.length ? 'fail' : 'pass', message: `body labels against the 目录 (${toc.map((e) => e.label).join(' ')}): ${off.length} differ`, refs: off.map((x) => tableRef(x.t, undefined, x.label)) });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------------------
// GEN-S-06 required tables

const BUDGET_REQUIRED: [string, string][] = [
  ['B.summary', '收支总表'], ['B.income', '收入总表'], ['B.expenditure', '支出总表'], ['B.fiscal_summary', '财政拨款收支总表'],
  ['B.gpb_expenditure', '一般公共预算支出表'], ['B.gpb_basic_econ', '一般公共预算基本支出表'], ['B.three_public', '“三公”经费支出表'],
  ['B.gov_fund_expenditure', '政府性基金预算支出表'], ['B.soe', '国有资本经营预算支出表'],
];
const FINAL_REQUIRED: [string, string][] = [
  ['F.summary', '收入支出决算总表'], ['F.income', '收入决算表'], ['F.expenditure', '支出决算表'], ['F.fiscal_summary', '财政拨款收入支出决算总表'],
  ['F.gpb_expenditure', '一般公共预算财政拨款支出决算表'], ['F.gpb_basic_econ', '一般公共预算财政拨款基本支出决算表'], ['F.three_public', '财政拨款“三公”经费支出决算表'],
  ['F.gov_fund', '政府性基金预算财政拨款收入支出决算表'], ['F.soe', '国有资本经营预算财政拨款收入支出决算表'],
];

/**
 * Budget: the central set (收支总表 … 国有资本经营预算支出表); final accounts: the nine 决算 tables, empty ones
 * included. The 国有资本经营预算支出表 joined the minimum budget set later than the other eight (财预〔2016〕143号
 * lists eight): budgets before 2020 are held to the eight.
 */
function requiredTables(out: Output): Instance[] {
  const family = out.document.family;
  if (family === 'unknown') return [];
  const year = documentYear(out);
  const required = family === 'budget' ? BUDGET_REQUIRED.filter(([kind]) => kind !== 'B.soe' || year === null || year >= 2020) : FINAL_REQUIRED;
  const kinds = new Set(out.tables.map((t) => t.kind));
  return required.map(([kind, name]) => ({
    status: kinds.has(kind) ? 'pass' : 'fail',
    message: `${name} (${kind}) ${kinds.has(kind) ? 'present' : 'missing'}`,
    refs: kinds.has(kind) ? [] : [{ text: name }],
  }) as Instance);
}

/** Rules of shared/domain/rules.yaml for this area (see rules.ts), and budget cross-table rules of budget-rules.ts. */
export const STRUCTURE_RULES: Rule[] = [
  { id: 'GEN-T-05', title: 'Code structure and code↔name consistency', evaluate: codes },
  { id: 'GEN-S-01', title: 'Money unit declared and consistent', evaluate: units },
  { id: 'GEN-S-02', title: 'Organisation name consistent', evaluate: organisation },
  { id: 'GEN-S-03', title: 'Year consistent', evaluate: years },
  { id: 'GEN-S-04', title: 'Table of contents ↔ body tables', evaluate: tableOfContents },
  { id: 'GEN-S-05', title: 'Table-number labels consistent', evaluate: numbering },
  { id: 'GEN-S-06', title: 'Required tables present', evaluate: requiredTables },
  { id: 'BUD-T-10', title: '财政拨款收支总表 totals and balance', evaluate: budget.fiscalTotals },
  { id: 'BUD-T-14', title: '部门 ↔ 政府 economic item pairing valid', evaluate: budget.econPairing },
  { id: 'BUD-T-18', title: 'Comparison columns', evaluate: budget.comparisonColumns },
  { id: 'BUD-T-19', title: '政府性基金 / 国有资本经营 budget tables', evaluate: budget.fundTables },
  { id: 'BUD-X-06', title: '财政拨款收支总表 income = 收支总表 fund incomes', evaluate: budget.fiscalIncomeAgrees },
  { id: 'BUD-X-07', title: '财政拨款收支总表 一般公共预算 column = 一般公共预算支出表', evaluate: budget.fiscalGpbAgrees },
  { id: 'BUD-X-11', title: '一般公共预算支出表 = 支出总表 when fully GPB-funded', evaluate: budget.gpbWithinSpending },
  { id: 'BUD-X-12', title: 'Soft: function 项 ↔ economic 款 correspondences (basic spending)', evaluate: budget.personnelCorrespondences },
  { id: 'BUD-X-13', title: '三公 vs economic items', evaluate: budget.threePublicCoversItems },
  { id: 'BUD-X-18', title: '政府性基金 / 国有资本 tables = 财政拨款收支总表 columns', evaluate: budget.fundTablesAgree },
].map((rule) => (rule.id.startsWith('GEN-S') ? { ...rule, evaluate: onlyWhen(isDisclosure, rule.evaluate) } : rule));
