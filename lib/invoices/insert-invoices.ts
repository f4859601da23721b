import "server-only";

import type { InvoiceCatalog } from "./catalog";
import type { InvoiceDraft } from "./draft-invoices";
import type { Transaction } from "./generator-state";
import { formatCents, formatScaled } from "./money";
import { formatInvoiceNumber, simulatorSeries } from "./summaries";
import type { InvoiceSummary } from "./types";

// Fewer, larger statements: the Sale trigger costs a few ms per statement on top of its cost per row.
const LINES_PER_STATEMENT = 1_000;

export interface CreatedInvoice {
  unitId: number;
  summary: InvoiceSummary;
}

/**
 * Takes `count` numbers per series under the series rows' locks, so numbers are gapless:
 * a rolled-back transaction gives its numbers back. Returns the first number of each series.
 */
async function reserveNumbers(tx: Transaction, counts: Map<string, number>): Promise<Map<string, number>> {
  const series = [...counts.keys()].sort();
  const rows = await tx.$queryRaw<{ series: string; lastNumber: number }[]>`
    INSERT INTO "InvoiceSeries" (series, "lastNumber")
    SELECT * FROM unnest(${series}::text[], ${series.map((name) => counts.get(name)!)}::int[])
    ON CONFLICT (series) DO UPDATE SET "lastNumber" = "InvoiceSeries"."lastNumber" + EXCLUDED."lastNumber"
    RETURNING series, "lastNumber"`;
  return new Map(rows.map((row) => [row.series, row.lastNumber - counts.get(row.series)! + 1]));
}

interface NumberedDraft {
  draft: InvoiceDraft;
  series: string;
  number: number;
  id: number;
}

/** One set-based statement: the lines of `invoices`, each also written as a SIMULATOR sale. */
async function insertLinesAndSales(tx: Transaction, invoices: readonly NumberedDraft[]) {
  const lines = invoices.flatMap((entry) => entry.draft.lines.map((line) => ({ entry, line })));
  const lineColumn = <T>(pick: (item: (typeof lines)[number]) => T) => lines.map(pick);
  await tx.$executeRaw`
    WITH d AS (
      SELECT * FROM unnest(${lineColumn((l) => l.entry.id)}::int[], ${lineColumn((l) => l.line.lineNo)}::int[],
                           ${lineColumn((l) => l.line.productId)}::int[], ${lineColumn((l) => l.line.quantity)}::int[],
                           ${lineColumn((l) => formatCents(l.line.unitPrice))}::numeric[], ${lineColumn((l) => formatCents(l.line.amount))}::numeric[],
                           ${lineColumn((l) => formatScaled(l.line.cost, 4))}::numeric[], ${lineColumn((l) => formatInvoiceNumber(l.entry.series, l.entry.number))}::text[],
                           ${lineColumn((l) => l.entry.draft.issuedAt.toISOString())}::timestamptz[], ${lineColumn((l) => l.entry.draft.unit.id)}::int[],
                           ${lineColumn((l) => l.entry.draft.branchId)}::int[], ${lineColumn((l) => l.entry.draft.salespersonId)}::int[],
                           ${lineColumn((l) => l.entry.draft.customerId)}::int[])
        AS d("invoiceId", "lineNo", "productId", quantity, "unitPrice", amount, cost, "orderId", "soldAt", "businessUnitId", "branchId",
             "salespersonId", "customerId")
    ), inserted AS (
      INSERT INTO "InvoiceLine" ("invoiceId", "lineNo", "productId", quantity, "unitPrice", amount)
      SELECT "invoiceId", "lineNo", "productId", quantity, "unitPrice", amount FROM d
      RETURNING id, "invoiceId", "lineNo"
    )
    INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                        quantity, "unitPrice", discount, revenue, cost, profit, source, "invoiceLineId")
    SELECT 'invoice:' || d."orderId" || ':' || d."lineNo", d."orderId", d."soldAt", d."businessUnitId", d."branchId", d."salespersonId",
           d."productId", d."customerId", d.quantity, d."unitPrice", 0, d.amount, d.cost, d.amount - d.cost, 'SIMULATOR', i.id
    FROM inserted i JOIN d ON d."invoiceId" = i."invoiceId" AND d."lineNo" = i."lineNo"`;
}

/**
 * Writes a tick's invoices set-based: one multi-row INSERT of invoices, multi-row INSERTs of their
 * lines that also write each line as a SIMULATOR sale (the Sale triggers keep rollups exact and
 * notify the KPI refresher), and one upsert of the per-unit running stats. Runs in the caller's transaction.
 */
export async function insertInvoices(tx: Transaction, drafts: readonly InvoiceDraft[], catalog: InvoiceCatalog, vatRate: bigint) {
  const counts = new Map<string, number>();
  for (const draft of drafts) counts.set(simulatorSeries(draft.unit.slug), (counts.get(simulatorSeries(draft.unit.slug)) ?? 0) + 1);
  const next = await reserveNumbers(tx, counts);
  const numbered = drafts.map((draft) => {
    const series = simulatorSeries(draft.unit.slug);
    const number = next.get(series)!;
    next.set(series, number + 1);
    return { draft, series, number };
  });

  const column = <T>(pick: (entry: (typeof numbered)[number]) => T) => numbered.map(pick);
  const invoices = await tx.$queryRaw<{ id: number; series: string; number: number }[]>`
    INSERT INTO "Invoice" (series, number, company, "contactName", "contactEmail", "businessUnitId", "branchId",
                           subtotal, "vatRate", vat, total, "issuedAt", source)
    SELECT d.series, d.number, d.company, d.contact, d.email, d.unit, d.branch, d.subtotal, ${formatScaled(vatRate, 4)}::numeric,
           d.vat, d.total, d.issued, 'SIMULATOR'
    FROM unnest(${column((e) => e.series)}::text[], ${column((e) => e.number)}::int[], ${column((e) => e.draft.company)}::text[],
                ${column((e) => e.draft.contactName)}::text[], ${column((e) => e.draft.contactEmail)}::text[],
                ${column((e) => e.draft.unit.id)}::int[], ${column((e) => e.draft.branchId)}::int[],
                ${column((e) => formatCents(e.draft.totals.subtotal))}::numeric[], ${column((e) => formatCents(e.draft.totals.vat))}::numeric[],
                ${column((e) => formatCents(e.draft.totals.total))}::numeric[], ${column((e) => e.draft.issuedAt.toISOString())}::timestamptz[])
      AS d(series, number, company, contact, email, unit, branch, subtotal, vat, total, issued)
    RETURNING id, series, number`;
  const ids = new Map(invoices.map((row) => [`${row.series}:${row.number}`, row.id]));
  const withIds = numbered.map((entry) => ({ ...entry, id: ids.get(`${entry.series}:${entry.number}`)! }));

  // A few hundred lines per statement, so a catch-up of thousands of invoices stays fast.
  for (let start = 0; start < withIds.length;) {
    let end = start;
    let lineCount = 0;
    while (end < withIds.length && (end === start || lineCount + withIds[end]!.draft.lines.length <= LINES_PER_STATEMENT)) {
      lineCount += withIds[end]!.draft.lines.length;
      end += 1;
    }
    await insertLinesAndSales(tx, withIds.slice(start, end));
    start = end;
  }

  const totals = new Map<number, { count: number; subtotal: bigint; vat: bigint; total: bigint }>();
  for (const { draft } of numbered) {
    const sum = totals.get(draft.unit.id) ?? { count: 0, subtotal: 0n, vat: 0n, total: 0n };
    sum.count += 1;
    sum.subtotal += draft.totals.subtotal;
    sum.vat += draft.totals.vat;
    sum.total += draft.totals.total;
    totals.set(draft.unit.id, sum);
  }
  const units = [...totals.keys()].sort((a, b) => a - b);
  const stat = <T>(pick: (sum: { count: number; subtotal: bigint; vat: bigint; total: bigint }) => T) =>
    units.map((unit) => pick(totals.get(unit)!));
  await tx.$executeRaw`
    INSERT INTO "InvoiceStats" ("businessUnitId", count, subtotal, vat, total)
    SELECT * FROM unnest(${units}::int[], ${stat((s) => s.count)}::int[], ${stat((s) => formatCents(s.subtotal))}::numeric[],
                         ${stat((s) => formatCents(s.vat))}::numeric[], ${stat((s) => formatCents(s.total))}::numeric[])
    ON CONFLICT ("businessUnitId") DO UPDATE SET count = "InvoiceStats".count + EXCLUDED.count,
      subtotal = "InvoiceStats".subtotal + EXCLUDED.subtotal, vat = "InvoiceStats".vat + EXCLUDED.vat,
      total = "InvoiceStats".total + EXCLUDED.total`;

  return withIds.map(({ draft, series, number, id }): CreatedInvoice => ({
    unitId: draft.unit.id,
    summary: {
      id,
      number: formatInvoiceNumber(series, number),
      company: draft.company,
      businessUnit: draft.unit.name,
      branch: catalog.branchNames.get(draft.branchId) ?? "",
      subtotal: formatCents(draft.totals.subtotal),
      vat: formatCents(draft.totals.vat),
      total: formatCents(draft.totals.total),
      issuedAt: draft.issuedAt.toISOString(),
    },
  }));
}
