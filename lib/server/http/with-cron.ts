import "server-only";

import { timingSafeEqual } from "node:crypto";

import { env } from "../env";
import { unauthorized } from "../errors";
import { withRequest, type Handler } from "./with-request";

function matchesSecret(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The gate for scheduled routes: `Authorization: Bearer $CRON_SECRET` (what Vercel Cron sends). */
export function withCron<Params = Record<string, never>>(handler: Handler<Params>) {
  return withRequest<Params>((request, context) => {
    if (!matchesSecret(request.headers.get("authorization"))) throw unauthorized("A valid cron secret is required.");
    return handler(request, context);
  });
}
