// DELETE /api/v1/shares/{id}: revokes a share link at once; open viewers are told over its channel.
import { auditActorOf } from "@/lib/audit/audit-context";
import { withSession } from "@/lib/server/http/with-session";
import { revokeShare } from "@/lib/shares/manage-shares";
import { shareIdSchema } from "@/lib/shares/schemas";

export const dynamic = "force-dynamic";

export const DELETE = withSession<{ id: string }>("admin.shares", (_request, context) =>
  revokeShare(context.user, shareIdSchema.parse(context.params.id), { actor: auditActorOf(context) }),
);
