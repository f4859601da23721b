// One user as the admin table and GET /api/v1/users show it (never the password hash): the schema documents the API.
import { z } from "zod";

import { ROLES } from "../permissions";
import { isoInstant } from "../utils/json-values";

export const userListRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  businessUnit: z.object({ slug: z.string(), name: z.string() }).nullable().describe("The unit the user is scoped to"),
  active: z.boolean(),
  locale: z.string(),
  createdAt: isoInstant,
});
export type UserListRow = z.infer<typeof userListRowSchema>;
