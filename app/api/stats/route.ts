// GET /api/stats: running totals of generated invoices in the caller's scope ({ count, subtotal, vat, total, average }).
import { ROLES } from "@/lib/permissions";
import { invoiceScopeOf } from "@/lib/invoices/scope";
import { getInvoiceStats } from "@/lib/invoices/stats";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession({ roles: ROLES }, (_request, { user }) => getInvoiceStats(invoiceScopeOf(user)));
