/**
 * The shape of the rule catalogue the package ships (catalogue.data.ts) and how it is read off rules.yaml:
 * the texts a user needs to understand a finding (what the rule says, where it applies, how much it
 * tolerates), without the recorded results, which are test evidence.
 */
export interface Tolerance {
  kind: string;
  value?: number;
  unit?: string;
  rule?: string;
}

export interface CatalogueEntry {
  id: string;
  title: string;
  family: string;
  scope: string;
  tables: string[];
  description: string;
  formula?: string;
  tolerance: Tolerance;
  severity: string;
}

interface YamlRule {
  id: string;
  title: string;
  family: string;
  scope: string;
  tables?: string[];
  description: string;
  formula?: string;
  tolerance: Tolerance | string;
  severity_on_fail: string;
}

/** The catalogue entries of a parsed rules.yaml, in its order. */
export function catalogueOf(yaml: { rules: YamlRule[] }): CatalogueEntry[] {
  return yaml.rules.map((r) => {
    const tolerance: Tolerance = typeof r.tolerance === 'string' ? { kind: r.tolerance } : { kind: r.tolerance.kind };
    if (typeof r.tolerance === 'object') {
      if (r.tolerance.value !== undefined) tolerance.value = r.tolerance.value;
      if (r.tolerance.unit !== undefined) tolerance.unit = r.tolerance.unit;
      if (r.tolerance.rule !== undefined) tolerance.rule = r.tolerance.rule;
    }
    const entry: CatalogueEntry = {
      id: r.id,
      title: r.title,
      family: r.family,
      scope: r.scope,
      tables: r.tables ?? [],
      description: r.description.trim(),
      tolerance,
      severity: r.severity_on_fail,
    };
    if (r.formula !== undefined) entry.formula = String(r.formula).trim();
    return entry;
  });
}
