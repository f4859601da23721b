// Any /api path no handler owns: a 404 in the envelope rather than an HTML page.
import { notFound } from "@/lib/server/errors";
import { withRequest } from "@/lib/server/http/with-request";

const handler = withRequest(() => {
  throw notFound("No such API endpoint.");
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
