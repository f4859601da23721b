// POST /api/v1/notifications/targets/{id}/test: sends a test message now; answers with its delivery (ADMIN).
import { sendTest } from "@/lib/notifications/manage";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession<{ id: string }>("notifications.manage", async (_request, { params }) =>
  sendTest(idParamSchema.parse(params.id)),
);
