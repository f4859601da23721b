// The stateful half of validation: duplicates and inconsistent dimensions are only
// visible across rows. Keeps the lines seen per order in memory: lines 1–31 as the bits
// of one number per order (a Set of a million "order:line" strings was a sixth of the CPU
// of a big load), any higher line as a string key.
import type { CanonicalRecord } from "./columns";
import { validateRecord, type RecordReaders, type Validation } from "./validate-row";

export type Classification = Validation;

export interface ClassifierOptions extends RecordReaders {
  /** Business-unit slugs that exist. */
  units: ReadonlySet<string>;
  /** The only unit a scoped starter may load (the merge enforces it again in SQL). */
  scopeSlug: string | null;
}

export function createRowClassifier({ units, scopeSlug, ...readers }: ClassifierOptions): (record: CanonicalRecord) => Classification {
  const lineBits = new Map<string, number>();
  const higherLines = new Set<string>();
  const seen = (orderId: string, line: number) =>
    line <= 31 ? ((lineBits.get(orderId) ?? 0) & (1 << (line - 1))) !== 0 : higherLines.has(`${orderId}\u0000${line}`);
  const markSeen = (orderId: string, line: number) => {
    if (line <= 31) lineBits.set(orderId, (lineBits.get(orderId) ?? 0) | (1 << (line - 1)));
    else higherLines.add(`${orderId}\u0000${line}`);
  };
  const regionOfBranch = new Map<string, string>();
  return (record) => {
    const result = validateRecord(record, readers);
    if (!result.ok) return result;
    const { row } = result;
    if (!units.has(row.businessUnit))
      return { ok: false, reason: "UNKNOWN_BUSINESS_UNIT", message: `business unit "${row.businessUnit}" does not exist` };
    if (scopeSlug !== null && row.businessUnit !== scopeSlug) {
      return { ok: false, reason: "OUT_OF_SCOPE", message: `business unit ${row.businessUnit} is outside your scope (${scopeSlug})` };
    }
    if (seen(row.orderId, row.line))
      return { ok: false, reason: "DUPLICATE_IN_FILE", message: `order ${row.orderId} line ${row.line} appears earlier in the file` };
    const region = regionOfBranch.get(row.branch);
    if (region !== undefined && region !== row.region) {
      return {
        ok: false,
        reason: "INCONSISTENT_DIMENSION",
        message: `branch ${row.branch} is in region ${region} earlier in the file, not ${row.region}`,
      };
    }
    markSeen(row.orderId, row.line);
    regionOfBranch.set(row.branch, row.region);
    return result;
  };
}
