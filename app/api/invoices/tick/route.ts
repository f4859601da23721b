// POST /api/invoices/tick: an open invoice stream asks for the invoices due by now (about once a second).
import { tickForViewers } from "@/lib/invoices/tick-and-refresh";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("dashboards.read", () => tickForViewers());
