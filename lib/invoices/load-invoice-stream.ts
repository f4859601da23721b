import "server-only";

import { can } from "../permissions";
import { scopedChannel } from "../realtime/channels";
import type { SessionUser } from "../server/auth/session-user";
import { db } from "../server/db";
import { env } from "../server/env";
import { BUSINESS_TIME_ZONE } from "../time/business-time";
import { getGeneratorStatus } from "./generator-status";
import { listInvoices } from "./list-invoices";
import { invoiceScopeOf } from "./scope";
import { getInvoiceStats } from "./stats";
import { mergeFetched, STREAM_FETCH_LIMIT } from "./stream-state";

/** Everything the invoices page renders first, in the viewer's scope; live updates take over from there. */
export async function loadInvoiceStream(user: SessionUser) {
  const scope = invoiceScopeOf(user);
  const [stats, status, newestFirst, unit] = await Promise.all([
    getInvoiceStats(scope),
    getGeneratorStatus(scope),
    listInvoices(scope, STREAM_FETCH_LIMIT),
    user.businessUnitId === null ? null : db.businessUnit.findUnique({ where: { id: user.businessUnitId }, select: { name: true } }),
  ]);
  return {
    initial: mergeFetched(undefined, { stats, status, newestFirst }),
    scope: user.businessUnitSlug ?? "all",
    channel: scopedChannel("invoices", user.businessUnitSlug),
    controls: can(user.role, "invoices.control") ? { unitName: unit?.name ?? null } : null,
    currency: env.CURRENCY,
    vatRate: env.VAT_RATE,
    timeZone: BUSINESS_TIME_ZONE,
  };
}
