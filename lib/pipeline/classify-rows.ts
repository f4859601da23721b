// The stateful half of validation: duplicates and inconsistent dimensions are only
// visible across rows. Keeps one key per valid row (order id + line) in memory.
import type { CanonicalRecord, Rejection, StagedRow } from "./columns";
import type { DateParser } from "./parse-date";
import { validateRecord } from "./validate-row";

export type Classification = { ok: true; row: StagedRow } | ({ ok: false } & Rejection);

export interface ClassifierOptions {
  parseDate: DateParser;
  /** Business-unit slugs that exist. */
  units: ReadonlySet<string>;
  /** The only unit a scoped starter may load (the merge enforces it again in SQL). */
  scopeSlug: string | null;
}

export function createRowClassifier({ parseDate, units, scopeSlug }: ClassifierOptions): (record: CanonicalRecord) => Classification {
  const seen = new Set<string>();
  const regionOfBranch = new Map<string, string>();
  return (record) => {
    const result = validateRecord(record, parseDate);
    if (!result.ok) return result;
    const { row } = result;
    if (!units.has(row.businessUnit))
      return { ok: false, reason: "UNKNOWN_BUSINESS_UNIT", message: `business unit "${row.businessUnit}" does not exist` };
    if (scopeSlug !== null && row.businessUnit !== scopeSlug) {
      return { ok: false, reason: "OUT_OF_SCOPE", message: `business unit ${row.businessUnit} is outside your scope (${scopeSlug})` };
    }
    const key = `${row.orderId}\u0000${row.line}`;
    if (seen.has(key))
      return { ok: false, reason: "DUPLICATE_IN_FILE", message: `order ${row.orderId} line ${row.line} appears earlier in the file` };
    const region = regionOfBranch.get(row.branch);
    if (region !== undefined && region !== row.region) {
      return {
        ok: false,
        reason: "INCONSISTENT_DIMENSION",
        message: `branch ${row.branch} is in region ${region} earlier in the file, not ${row.region}`,
      };
    }
    seen.add(key);
    regionOfBranch.set(row.branch, row.region);
    return result;
  };
}
