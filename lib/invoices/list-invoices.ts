import "server-only";

import { db } from "../server/db";
import type { InvoiceScope } from "./scope";
import { formatInvoiceNumber } from "./summaries";
import type { InvoiceSummary } from "./types";

/** The newest invoices in the scope (generated and imported), newest first. */
export async function listInvoices(scope: InvoiceScope, limit: number): Promise<InvoiceSummary[]> {
  const invoices = await db.invoice.findMany({
    where: scope.businessUnitId === null ? {} : { businessUnitId: scope.businessUnitId },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      series: true,
      number: true,
      company: true,
      subtotal: true,
      vat: true,
      total: true,
      issuedAt: true,
      businessUnit: { select: { name: true } },
      branch: { select: { name: true } },
    },
  });
  return invoices.map((invoice) => ({
    id: invoice.id,
    number: formatInvoiceNumber(invoice.series, invoice.number),
    company: invoice.company,
    businessUnit: invoice.businessUnit.name,
    branch: invoice.branch.name,
    subtotal: invoice.subtotal.toFixed(2),
    vat: invoice.vat.toFixed(2),
    total: invoice.total.toFixed(2),
    issuedAt: invoice.issuedAt.toISOString(),
  }));
}
