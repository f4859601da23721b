// API tokens as /account, /admin/tokens and /api/v1/tokens show them (client-safe). The secret is
// answered once, at creation; afterwards only its prefix identifies it.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";

/** Lifetimes offered on creation, in days; null: the token never expires. */
export const TOKEN_LIFETIMES = [30, 90, 365, null] as const;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "enter a name").max(80),
  expiresInDays: z
    .union([z.literal(30), z.literal(90), z.literal(365), z.null()])
    .describe("30, 90 or 365 days; null for a token that never expires"),
});
export type NewToken = z.infer<typeof newTokenSchema>;

/** GET /api/v1/tokens: the caller's tokens, or with all=1 (ADMIN) everyone's. */
export const tokenListQuerySchema = z.object({ all: z.enum(["0", "1"]).optional() });

export const TOKEN_STATUSES = ["active", "expired", "revoked"] as const;

export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("Identifies the token: it starts with pb_<prefix>_"),
  status: z.enum(TOKEN_STATUSES),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  createdAt: isoInstant,
  lastUsedAt: isoInstant.nullable(),
  lastUsedIp: z.string().nullable().describe("The address of the last use, when a trusted proxy tells it"),
  expiresAt: isoInstant.nullable(),
  revokedAt: isoInstant.nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const createdTokenSchema = tokenViewSchema.extend({
  token: z.string().describe("The secret, shown only in this answer: send it as Authorization: Bearer <token>"),
});
export type CreatedToken = z.infer<typeof createdTokenSchema>;
