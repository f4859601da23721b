import "server-only";

import type { z } from "zod";

import type { Role } from "../../permissions";
import { forbiddenError, unauthorized } from "../errors";
import { logger } from "../logger";
import { mapError } from "../http/map-error";
import type { ErrorBody } from "../http/envelope";
import { getCurrentUser } from "./current-user";
import type { SessionUser } from "./session-user";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/**
 * The gate for server actions: parses the input with `schema`, checks the
 * session and role, and turns failures into a result the form can show.
 */
export function createAction<Schema extends z.ZodType, T>(
  options: { schema: Schema; roles: readonly Role[] },
  handler: (input: z.infer<Schema>, user: SessionUser) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const log = logger.child({ requestId: crypto.randomUUID(), action: handler.name || "action" });
    try {
      const user = await getCurrentUser();
      if (!user) throw unauthorized();
      if (!options.roles.includes(user.role)) throw forbiddenError();
      return { ok: true, data: await handler(options.schema.parse(input), user) };
    } catch (error) {
      return { ok: false, error: mapError(error, log).body };
    }
  };
}
