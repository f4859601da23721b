// GET/POST /api/v1/pipeline/sources: remote HTTP(S) CSV sources and their last poll. Only an ADMIN
// adds or removes one: a source loads every business unit.
import { auditActorOf } from "@/lib/audit/audit-context";
import { createSource, listSources, newSourceSchema } from "@/lib/pipeline/remote-sources";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const GET = withSession("pipeline.sources.read", (_request, { user }) => listSources(user));

export const POST = withSession("pipeline.sources.manage", async (request, context) =>
  createSource(newSourceSchema.parse(await request.json()), auditActorOf(context)),
);
