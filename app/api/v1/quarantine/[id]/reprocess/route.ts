// POST /api/v1/quarantine/{id}/reprocess { canonical }: load a fixed row; returns the run that took it.
import { fixedRowSchema, reprocessQuarantined } from "@/lib/pipeline/quarantine";
import { idParamSchema } from "@/lib/server/http/id-param";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession<{ id: string }>("quarantine.review", async (request, { user, params }) =>
  reprocessQuarantined(user, idParamSchema.parse(params.id), fixedRowSchema.parse(await request.json())),
);
