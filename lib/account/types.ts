// The signed-in user's own account, as /account and /api/v1/account read and change it (client-safe).
import { z } from "zod";

import { ROLES } from "../permissions";
import { passwordSchema } from "../users/types";

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  businessUnit: z.string().nullable().describe("The slug of the unit the account is scoped to"),
  locale: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountUpdateSchema = z.object({ name: z.string().trim().min(1, "enter a name").max(80) });

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, "enter your current password").max(200),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
