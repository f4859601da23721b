// Users as the admin page and /api/v1/users read and write them (never the password hash). Client-safe:
// the same schemas validate the forms, the route handlers and the API document.
import { z } from "zod";

import { ROLES, type Role } from "../permissions";
import { isoInstant } from "../utils/json-values";

export const userListRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  businessUnit: z.object({ slug: z.string(), name: z.string() }).nullable().describe("The unit the user is scoped to"),
  active: z.boolean(),
  locale: z.string(),
  invitationPending: z.boolean().describe("Invited, and has not chosen a password yet"),
  createdAt: isoInstant,
});
export type UserListRow = z.infer<typeof userListRowSchema>;

const unitSlug = z.string().trim().min(1).max(40);

/** GET /api/v1/users filters: free text (name or email), role, unit slug (`none` = unscoped), active. */
export const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  unit: unitSlug.optional().describe("A unit's slug, or none for users who see every unit"),
  active: z.enum(["true", "false"]).optional(),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

export const PASSWORD_MIN_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "use at most 200 characters");

const nameSchema = z.string().trim().min(1, "enter a name").max(80);

/** How a new account gets its first password: an invitation link, or a generated password shown once. */
export const ONBOARDING = ["invite", "password"] as const;

export const newUserSchema = z.object({
  name: nameSchema,
  email: z.string().trim().toLowerCase().pipe(z.email("enter an email address").max(254)),
  role: z.enum(ROLES),
  businessUnit: unitSlug.nullable().optional().describe("Unit slug; required for MANAGER, refused for ADMIN"),
  onboarding: z.enum(ONBOARDING).default("invite"),
});
export type NewUser = z.input<typeof newUserSchema>;

/** PATCH /api/v1/users/{id}: any of name, role, unit and active. */
export const userUpdateSchema = z
  .object({ name: nameSchema, role: z.enum(ROLES), businessUnit: unitSlug.nullable(), active: z.boolean() })
  .partial()
  .refine((update) => Object.keys(update).length > 0, "change at least one of name, role, businessUnit, active");
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const passwordLinkSchema = z.object({
  purpose: z.enum(["INVITE", "RESET"]),
  url: z.url().describe("Open once to choose a password; shown only in this answer"),
  expiresAt: isoInstant,
});
export type PasswordLink = z.infer<typeof passwordLinkSchema>;

export const createdUserSchema = z.object({
  user: userListRowSchema,
  invitation: passwordLinkSchema.nullable(),
  initialPassword: z.string().nullable().describe("The generated first password, shown only in this answer"),
});
export type CreatedUser = z.infer<typeof createdUserSchema>;

/**
 * Which roles take a unit: a MANAGER manages one unit, so it needs one; an ADMIN manages users
 * company-wide, so it has none; ANALYST and VIEWER may be scoped to one unit or see all.
 */
export const UNIT_RULES: Record<Role, "required" | "refused" | "optional"> = {
  ADMIN: "refused",
  MANAGER: "required",
  ANALYST: "optional",
  VIEWER: "optional",
};

/** POST /api/v1/set-password: the link's token (in the body, so it stays out of request logs) and the new password. */
export const setPasswordSchema = z.object({ token: z.string().min(1).max(200), password: passwordSchema });
