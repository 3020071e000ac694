import { rowTest, type RowTest } from '../../src/validate/lookup.js';
import { bareName } from '../../src/util/text.js';

/** Lookups that know how the Chinese disclosures print their lines. */

/** The 合计 / 总计 row (level total) of a table or of one of its panels; its label is printed 合计, 总计, 收入总计 … */
export const totalRow = (panel?: string): RowTest =>
  rowTest((r) => (panel === undefined || r.panel === panel) && r.level === 'total', `合计${panel ? ` (${panel})` : ''}`, (text) => /^[^\d]*(合计|总计)$/.test(bareName(text)));
