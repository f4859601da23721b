// POST /api/v1/quarantine/{id}/reprocess { canonical }: load a fixed row; returns the run that took it.
import { fixedRowSchema, reprocessQuarantined } from "@/lib/pipeline/quarantine";
import { positiveIdSchema } from "@/lib/pipeline/run-queries";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession<{ id: string }>("quarantine.review", async (request, { user, params }) =>
  reprocessQuarantined(user, positiveIdSchema.parse(params.id), fixedRowSchema.parse(await request.json())),
);
