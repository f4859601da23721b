// GET /api/v1/notifications/deliveries: the latest deliveries, run notifications and tests alike (ADMIN).
import { listDeliveries } from "@/lib/notifications/manage";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("notifications.manage", () => listDeliveries());
