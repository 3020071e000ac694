import type { Output } from '../model/output.js';
import type { DocumentStructure } from './structure.js';

type DocumentInfo = Output['document'];

const YEAR = /((?:19|20)\d{2})\s*年/;

/**
 * Family, scope, organisation and year from the cover lines (泽州县信访局 / 2024年度部门预算公开), falling
 * back on table titles and the organisation lines printed above tables.
 */
export function readMetadata(structure: DocumentStructure): DocumentInfo {
  const cover = structure.cover.map((l) => l.trim()).filter(Boolean);
  const title = cover.find((l) => /预算|决算/.test(l)) ?? null;
  const titles = [title ?? '', ...structure.grids.map((g) => g.title)].join('\n');
  const family = /决算/.test(title ?? titles) ? 'final_accounts' : /预算/.test(title ?? titles) ? 'budget' : 'unknown';
  const scopeText = title ?? titles;
  const scope = /单位(预算|决算)/.test(scopeText) ? 'unit' : /部门(预算|决算)/.test(scopeText) ? 'department' : null;
  const yearMatch = YEAR.exec(title ?? '') ?? YEAR.exec(titles);
  const coverOrg = cover.find((l) => l !== title && !YEAR.test(l) && l.length <= 40);
  const titleOrg = title?.replace(/\s+/g, '').split(/\d{4}年/)[0] || undefined;
  const tableOrg = structure.grids.find((g) => g.organization)?.organization;
  return {
    family,
    scope,
    organization: coverOrg ?? tableOrg ?? titleOrg ?? null,
    year: yearMatch ? Number(yearMatch[1]) : null,
    title: cover.length ? cover.join(' ') : null,
  };
}
