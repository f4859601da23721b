import "server-only";

import type { InvoiceSummary } from "../invoices/types";
import { db } from "../server/db";

/** The newest invoices the scope may see, for the overview ticker's first paint. */
export async function getLatestInvoices(businessUnitSlug: string | null, limit = 10): Promise<InvoiceSummary[]> {
  const invoices = await db.invoice.findMany({
    where: businessUnitSlug === null ? {} : { businessUnit: { slug: businessUnitSlug } },
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
    number: `${invoice.series}-${String(invoice.number).padStart(6, "0")}`,
    company: invoice.company,
    businessUnit: invoice.businessUnit.name,
    branch: invoice.branch.name,
    subtotal: invoice.subtotal.toString(),
    vat: invoice.vat.toString(),
    total: invoice.total.toString(),
    issuedAt: invoice.issuedAt.toISOString(),
  }));
}
