// GET /api/stats: running totals of generated invoices in the caller's scope ({ count, subtotal, vat, total, average }).
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { getInvoiceStats } from "@/lib/invoices/stats";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("dashboards.read", (_request, { user }) => getInvoiceStats(invoiceScopeOf(user)));
