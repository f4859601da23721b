// POST /api/v1/pipeline/mappings/suggest: from a file's header and first rows (never the file), the
// preset or saved mapping that fits it, or a suggested mapping naming the required columns it lacks.
import { csvSampleSchema } from "@/lib/pipeline/saved-mapping-schemas";
import { detectMappingFor } from "@/lib/pipeline/saved-mappings";
import { withSession } from "@/lib/server/http/with-session";

export const dynamic = "force-dynamic";

export const POST = withSession("pipeline.run", async (request, { user }) =>
  detectMappingFor(user, csvSampleSchema.parse(await request.json())),
);
