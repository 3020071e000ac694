import type { Output } from '../model/output.js';
import { orgOf } from './lines.js';
import type { DocumentStructure } from './structure.js';

type DocumentInfo = Output['document'];

const YEAR = /((?:19|20)\d{2})\s*年/;

/**
 * Family, scope, organisation and year from the cover (泽州县信访局 / 2024年度部门预算公开, or one line
 * 杭州市气象局2026年度部门预算), falling back on table titles and the 部门名称 lines above tables.
 */
export function readMetadata(structure: DocumentStructure): DocumentInfo {
  const cover = structure.cover.map((l) => l.trim()).filter(Boolean);
  const coverText = cover.join('');
  const titles = structure.grids.map((g) => g.title).join('\n');
  const basis = /预算|决算/.test(coverText) ? coverText : titles;
  const family = /决算/.test(basis) ? 'final_accounts' : /预算/.test(basis) ? 'budget' : 'unknown';
  const scope = /单位(预算|决算)/.test(basis) ? 'unit' : /部门(预算|决算)/.test(basis) ? 'department' : null;
  const year = YEAR.exec(coverText) ?? YEAR.exec(titles);
  // else the year a form prints under its title: (2026年度)
  const formYear = structure.grids.find((g) => g.year)?.year ?? null;
  // an explicit 预算主管部门：… line, else what the cover prints before the year, else the tables' 部门名称
  const orgLine = cover.map(orgOf).find((o): o is string => !!o);
  const beforeYear = year && YEAR.test(coverText) ? coverText.slice(0, coverText.search(YEAR)).replace(/\s+/g, '') : '';
  const tableOrg = structure.grids.find((g) => g.organization)?.organization;
  const organization = orgLine ?? (beforeYear.length >= 2 && beforeYear.length <= 40 ? beforeYear : undefined) ?? tableOrg ?? null;
  return {
    family,
    scope,
    organization,
    year: year ? Number(year[1]) : formYear,
    title: titleOf(cover),
  };
}

/**
 * The cover's lines as the title — unless they are not a title: a document that opens with running text
 * (a table book whose first page is a project list) has no cover, and its first text is no title.
 */
function titleOf(lines: string[]): string | null {
  // lines of one character are a word printed top to bottom (a table's side label), not a title
  const cover = lines.filter((l) => [...l.replace(/\s+/g, '')].length > 1);
  const joined = cover.join(' ');
  if (!cover.length) return null;
  if (joined.length <= 120) return joined;
  return cover[0].length <= 60 && /预算|决算|报告|公开/.test(cover[0]) ? cover[0] : null;
}
