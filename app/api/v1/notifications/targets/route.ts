// GET/POST /api/v1/notifications/targets: the email recipients and Slack webhooks told when a run ends (ADMIN).
import { createTarget, listTargets } from "@/lib/notifications/manage";
import { newTargetSchema } from "@/lib/notifications/targets";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession({ roles: ["ADMIN"] }, () => listTargets());

export const POST = withSession({ roles: ["ADMIN"] }, async (request) => createTarget(newTargetSchema.parse(await request.json())));
