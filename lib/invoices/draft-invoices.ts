// Builds the invoices a tick inserts: realistic contacts on real customers, 1–5 lines of
// real products sold by a real salesperson of the unit, priced exactly in cents.
import { faker } from "@faker-js/faker/locale/en";

import { WeightedTable, type Random } from "../seed/random";
import type { CatalogUnit, InvoiceCatalog } from "./catalog";
import { computeInvoiceTotals, discountedUnitPriceCents, type InvoiceTotals } from "./money";

export interface DraftLine {
  lineNo: number;
  productId: number;
  quantity: number;
  /** Net unit price in cents. */
  unitPrice: bigint;
  /** quantity × unitPrice, in cents. */
  amount: bigint;
  /** quantity × the product's unit cost, in ten-thousandths (the Sale column's scale). */
  cost: bigint;
}

export interface InvoiceDraft {
  unit: CatalogUnit;
  branchId: number;
  salespersonId: number;
  customerId: number;
  company: string;
  contactName: string;
  contactEmail: string;
  issuedAt: Date;
  lines: DraftLine[];
  totals: InvoiceTotals;
}

export interface DraftOptions {
  /** Position in the run of the first invoice to draft (1-based); fixes its issue time. */
  firstSequence: number;
  count: number;
  startedAt: Date;
  ratePerSecond: number;
  /** VAT rate in ten-thousandths. */
  vatRate: bigint;
  random: Random;
}

const LINE_COUNTS = new WeightedTable([1, 2, 3, 4, 5], (_, index) => [30, 28, 20, 13, 9][index] ?? 0);
// Most buyers pay list price; the rest get a negotiated discount, in half-percent steps.
const DISCOUNTS = new WeightedTable([0, 250, 500, 750, 1000, 1250, 1500], (_, index) => [55, 12, 10, 8, 7, 5, 3][index] ?? 0);

interface UnitTables {
  unit: CatalogUnit;
  products: WeightedTable<CatalogUnit["products"][number]>;
}

const tablesByCatalog = new WeakMap<InvoiceCatalog, Map<number, UnitTables>>();

function tablesFor(catalog: InvoiceCatalog, unit: CatalogUnit): UnitTables {
  let tables = tablesByCatalog.get(catalog);
  if (!tables) tablesByCatalog.set(catalog, (tables = new Map<number, UnitTables>()));
  let entry = tables.get(unit.id);
  if (!entry) tables.set(unit.id, (entry = { unit, products: new WeightedTable(unit.products, (product) => product.weight) }));
  return entry;
}

/** A plausible mailbox at the customer's own domain. */
function contactFor(company: string, random: Random) {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const domain = company
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z0-9.]+/g, "");
  const suffix = random.chance(0.7) ? "co.ke" : "com";
  return { contactName: `${firstName} ${lastName}`, contactEmail: `${local}@${domain || "mail"}.${suffix}` };
}

/** The instant the `sequence`-th invoice of a run falls due: runs are evenly spaced at the rate. */
export function dueInstant(startedAt: Date, ratePerSecond: number, sequence: number): Date {
  return new Date(startedAt.getTime() + Math.ceil((sequence * 1000) / ratePerSecond));
}

/** Drafts `count` invoices spread over `units` (weighted by sales staff), in issue order. */
export function draftInvoices(catalog: InvoiceCatalog, units: readonly CatalogUnit[], options: DraftOptions): InvoiceDraft[] {
  const { firstSequence, count, startedAt, ratePerSecond, vatRate, random } = options;
  if (units.length === 0 || catalog.customers.length === 0) throw new Error("no unit or customer to generate invoices for");
  const unitTable = new WeightedTable(units, (unit) => unit.salespeople.length);
  const drafts: InvoiceDraft[] = [];
  for (let index = 0; index < count; index++) {
    const { unit, products } = tablesFor(catalog, unitTable.draw(random));
    const salesperson = random.pick(unit.salespeople);
    const customer = random.pick(catalog.customers);
    const discount = BigInt(DISCOUNTS.draw(random));
    const lineCount = Math.min(LINE_COUNTS.draw(random), unit.products.length);
    const chosen = new Set<number>();
    const lines: DraftLine[] = [];
    for (let lineNo = 1; lineNo <= lineCount; lineNo++) {
      let product = products.draw(random);
      for (let tries = 0; tries < 10 && chosen.has(product.id); tries++) product = products.draw(random);
      if (chosen.has(product.id)) continue;
      chosen.add(product.id);
      // Many small orders, a few big ones.
      const quantity = 1 + Math.floor(random.next() ** 2.5 * 24);
      const unitPrice = discountedUnitPriceCents(product.listPrice, discount);
      const qty = BigInt(quantity);
      lines.push({
        lineNo: lines.length + 1,
        productId: product.id,
        quantity,
        unitPrice,
        amount: unitPrice * qty,
        cost: product.unitCost * qty,
      });
    }
    drafts.push({
      unit,
      branchId: salesperson.branchId,
      salespersonId: salesperson.id,
      customerId: customer.id,
      company: customer.name,
      ...contactFor(customer.name, random),
      issuedAt: dueInstant(startedAt, ratePerSecond, firstSequence + index),
      lines,
      totals: computeInvoiceTotals(
        lines.map((line) => line.amount),
        vatRate,
      ),
    });
  }
  return drafts;
}
