// GET /api/share/kpis: the KPI snapshot of a share link's scope, for its viewer's refetches (x-share-token).
import { getShareKpis } from "@/lib/shares/share-overview";
import { withShareLink } from "@/lib/shares/with-share-link";

export const dynamic = "force-dynamic";

export const GET = withShareLink((_request, { share }) => getShareKpis(share));
