// GET /api/v1/pipeline/mappings: the saved column mappings the caller may run with (its unit's and
// the company-wide ones when scoped); POST: save one under the caller's unit.
import { auditActorOf } from "@/lib/audit/audit-context";
import { newSavedMappingSchema } from "@/lib/pipeline/saved-mapping-schemas";
import { createSavedMapping, listSavedMappings } from "@/lib/pipeline/saved-mappings";
import { ok } from "@/lib/server/http/envelope";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("pipeline.run", (_request, { user }) => listSavedMappings(user));

export const POST = withSession("pipeline.mappings.manage", async (request, context) => {
  const saved = await createSavedMapping(context.user, newSavedMappingSchema.parse(await request.json()), auditActorOf(context));
  return ok(context.requestId, saved, undefined, 201);
});
