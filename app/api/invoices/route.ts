// GET /api/invoices?limit=20: the newest invoices in the caller's scope, newest first (limit 1–500).
import { listInvoices } from "@/lib/invoices/list-invoices";
import { invoiceListQuerySchema } from "@/lib/invoices/schemas";
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (request, { user }) => {
  const { limit } = invoiceListQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return listInvoices(invoiceScopeOf(user), limit);
});
