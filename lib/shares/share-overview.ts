import "server-only";

import { listInvoices } from "../invoices/list-invoices";
import { getKpiSnapshot } from "../kpis/get-snapshot";
import type { ActiveShare } from "./resolve-share";

// As many invoices as the overview's ticker shows.
const TICKER_SIZE = 10;

/** The KPI scope key of a link: its unit's slug, or `all`. */
export const shareScopeKey = (share: Pick<ActiveShare, "unit">) => share.unit?.slug ?? "all";

export const getShareKpis = (share: ActiveShare) => getKpiSnapshot(shareScopeKey(share));

export const listShareInvoices = (share: ActiveShare) => listInvoices({ businessUnitId: share.unit?.id ?? null }, TICKER_SIZE);
