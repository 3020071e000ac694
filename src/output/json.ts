import type { Output } from '../model/output.js';

/** Deterministic JSON: the same input gives byte-identical output (no clocks, stable ordering). */
export function toJson(out: Output, pretty: boolean): string {
  return JSON.stringify(out, null, pretty ? 2 : undefined) + '\n';
}
