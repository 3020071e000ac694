import type { TypedRow } from '../../src/model/table.js';
import { compact } from '../../src/util/text.js';
import { ECON_DEPT, ECON_GOV, FUNCTION_CLASSES, FUNCTION_CLASS_OLD_NAMES } from './catalogue.js';

const ORDINAL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、]|[①-⑳])/;
const TOTAL = /^((收入|支出)?(合计|总计)|部门合计|单位合计|人员经费合计|公用经费合计)$/;

function bare(name: string): string {
  return compact(name).replace(ORDINAL, '');
}

function invert(catalogue: Record<string, string>, filter: (code: string) => boolean): Map<string, string> {
  const map = new Map<string, string>();
  for (const [code, name] of Object.entries(catalogue)) if (filter(code)) map.set(compact(name), code);
  return map;
}

const CLASS_BY_NAME = new Map([
  ...invert(FUNCTION_CLASSES, () => true),
  ...Object.entries(FUNCTION_CLASS_OLD_NAMES),
]);
const ECON_CLASS_BY_NAME = invert(ECON_DEPT, (c) => c.length === 3);

/** 3/5/7-digit codes are 类/款/项; the parent is the code two digits shorter. */
export function levelFunctionCoded(rows: TypedRow[], scheme: 'function' | 'revenue'): void {
  for (const row of rows) {
    if (!row.code) {
      if (TOTAL.test(compact(row.name))) row.level = 'total';
      continue;
    }
    row.codeScheme = scheme;
    const level = ({ 3: '类', 5: '款', 7: '项' } as const)[row.code.length as 3 | 5 | 7];
    if (level) row.level = level;
    if (row.code.length > 3) row.parent = row.code.slice(0, -2);
  }
}

/**
 * The summary tables (收支总表, 财政拨款收支总表): income items, 本年…合计 subtotals, 总计 totals, carry-over
 * sub-rows under 上年结转; on the expenditure side the function classes, printed by name only.
 */
export function levelSummary(rows: TypedRow[]): void {
  let carryParent: string | null = null;
  for (const row of rows) {
    const name = compact(row.name);
    if (/^本年(收入|支出)合计$/.test(name)) {
      row.level = 'subtotal';
      carryParent = null;
    } else if (/总计$/.test(name)) {
      row.level = 'total';
      carryParent = null;
    } else if (row.panel !== 'expenditure' && /^(上年|年初).*结转/.test(name)) {
      row.level = 'item';
      carryParent = row.name;
    } else {
      const code = row.panel === 'expenditure' ? CLASS_BY_NAME.get(bare(row.name)) : undefined;
      if (code) {
        Object.assign(row, { level: '类', code, codeScheme: 'function', codeInferred: true });
      } else {
        row.level = 'item';
        if (carryParent && row.panel !== 'expenditure') row.parent = carryParent;
      }
    }
  }
}

function lookupWithin(catalogue: Record<string, string>, name: string, prefix: string | undefined): string | undefined {
  const key = compact(name);
  const matches = Object.entries(catalogue).filter(([code, n]) => code.length === 5 && compact(n) === key);
  return (matches.find(([code]) => prefix && code.startsWith(prefix)) ?? matches[0])?.[0];
}

/**
 * Economic tables without codes (SEED 基本支出表): class rows by name, 款 rows under the last class; codes
 * looked up in both catalogues (部门 name in the 部门 scheme, 政府 name in the 政府 scheme).
 */
export function levelEconomic(rows: TypedRow[]): void {
  let klass: TypedRow | null = null;
  for (const row of rows) {
    if (TOTAL.test(compact(row.name))) {
      row.level = 'total';
      continue;
    }
    const printedCode = row.code;
    const classCode = printedCode?.length === 3 ? printedCode : ECON_CLASS_BY_NAME.get(compact(row.name));
    if (classCode && (!printedCode || printedCode.length === 3) && !row.govName) {
      Object.assign(row, { level: '类', code: classCode, codeScheme: 'economic_dept' });
      if (!printedCode) row.codeInferred = true;
      klass = row;
      continue;
    }
    row.level = '款';
    row.codeScheme = 'economic_dept';
    if (klass?.code) row.parent = klass.code;
    if (!printedCode) {
      const code = lookupWithin(ECON_DEPT, row.name, klass?.code);
      if (code) Object.assign(row, { code, codeInferred: true });
    } else if (printedCode.length > 3) {
      // 5 digits 款 under its class; some regions print 7-digit sub-items (3010201 under 30102)
      row.parent = printedCode.slice(0, -2);
      if (printedCode.length === 7) row.level = '项';
    }
    if (row.govName) {
      const govCode = lookupWithin(ECON_GOV, row.govName, undefined);
      if (govCode) row.govCode = govCode;
    }
  }
}

const THREE_PUBLIC_ITEM = /出国|出境|接待|公务用车|购置|运行|会议|培训|三公/;

/** 三公: 合计, the three items, and the two car items (①/②) under 公务用车购置及运行费. */
export function levelThreePublic(rows: TypedRow[]): void {
  let car: string | null = null;
  for (const row of rows) {
    const name = compact(row.name);
    // 3、公务用车购置及运行费 / 其中：（1）公务用车购置费, ①公务用车购置费
    const sub = name.replace(/^其中[:：]?/, '');
    if (TOTAL.test(name)) row.level = 'total';
    else if (name && !THREE_PUBLIC_ITEM.test(name)) {
      // a table listing units (单位名称 | 合计 | 因公出国 …): its rows are units, not items to add up
      row.level = 'unit';
    } else {
      row.level = 'item';
      if (/^公务用车购置及运行/.test(bare(name))) car = row.name;
      else if (car && (/^[①-⑳(（]/.test(sub) || sub !== name)) row.parent = car;
    }
  }
}

const ORG_NAME = /(局|委员会|委|办公室|办|中心|院|所|站|队|部|会|处|厅|署|校|馆|园|社|政府|街道|单位|公司|集团|本级|机关)$/;

/**
 * Tables listing units (机关运行经费表) or projects under units (项目支出表): a total row, then the
 * department row, unit rows, and (项目支出表) project rows below the units.
 */
export function levelUnitsAndProjects(rows: TypedRow[], organization: string | null, withProjects: boolean): void {
  let sawDepartment = false;
  let inProjects = false;
  for (const row of rows) {
    const name = compact(row.name);
    if (TOTAL.test(name)) {
      row.level = 'total';
      continue;
    }
    const orgLike = (organization !== null && name === compact(organization)) || ORG_NAME.test(name);
    if (withProjects && (inProjects || !orgLike)) {
      inProjects = true;
      row.level = 'project';
      continue;
    }
    row.level = !sawDepartment && withProjects ? 'department' : 'unit';
    sawDepartment = true;
  }
}
