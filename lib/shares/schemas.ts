// Share links as the admin page and /api/v1/shares read and write them. Client-safe: the same schemas
// validate the form, the route handlers and the API document.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The expiries offered as one click; a custom instant must fall in the same range. */
export const SHARE_EXPIRY_PRESETS = { "1h": HOUR_MS, "1d": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS, "90d": 90 * DAY_MS } as const;
export type ShareExpiryPreset = keyof typeof SHARE_EXPIRY_PRESETS;
export const SHARE_EXPIRY_PRESET_NAMES = Object.keys(SHARE_EXPIRY_PRESETS) as ShareExpiryPreset[];
export const SHARE_MIN_LIFETIME_MS = SHARE_EXPIRY_PRESETS["1h"];
export const SHARE_MAX_LIFETIME_MS = SHARE_EXPIRY_PRESETS["90d"];

export const SHARE_STATUSES = ["active", "expired", "revoked"] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** `all` for every business unit, else a unit's slug. */
export const shareScopeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, "choose all units or one business unit");

export const newShareSchema = z
  .object({
    label: z.string().trim().max(80, "use at most 80 characters").optional(),
    scope: shareScopeSchema.describe("`all`, or the slug of one business unit (a scoped creator may share only its own)"),
    kiosk: z.boolean().default(false).describe("Open in the full-screen wall layout"),
    expiresIn: z.enum(SHARE_EXPIRY_PRESET_NAMES).optional().describe("A preset lifetime; give this or expiresAt"),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe("A custom expiry, 1 hour to 90 days from now"),
  })
  .refine((input) => (input.expiresIn === undefined) !== (input.expiresAt === undefined), {
    message: "choose an expiry: a preset or a date and time",
    path: ["expiresIn"],
  });
export type NewShare = z.input<typeof newShareSchema>;
export type ParsedNewShare = z.output<typeof newShareSchema>;

export const shareViewSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  businessUnit: z.object({ slug: z.string(), name: z.string() }).nullable().describe("The unit shown; null for every unit"),
  kiosk: z.boolean(),
  createdBy: z.string().describe("The creator's name"),
  createdAt: isoInstant,
  expiresAt: isoInstant,
  revokedAt: isoInstant.nullable(),
  lastViewedAt: isoInstant.nullable(),
  viewCount: z.number().int(),
  status: z.enum(SHARE_STATUSES),
});
export type ShareView = z.infer<typeof shareViewSchema>;

export const createdShareSchema = z.object({
  share: shareViewSchema,
  url: z.url().describe("The link to hand out; shown only in this answer"),
});
export type CreatedShare = z.infer<typeof createdShareSchema>;

/** A link's id in a path: a cuid. */
export const shareIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/, "not a share link id");
