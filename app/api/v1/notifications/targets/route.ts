// GET/POST /api/v1/notifications/targets: the email recipients and Slack webhooks told when a run ends (ADMIN).
import { auditActorOf } from "@/lib/audit/audit-context";
import { createTarget, listTargets } from "@/lib/notifications/manage";
import { newTargetSchema } from "@/lib/notifications/targets";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("notifications.manage", () => listTargets());

export const POST = withSession("notifications.manage", async (request, context) =>
  createTarget(newTargetSchema.parse(await request.json()), auditActorOf(context)),
);
