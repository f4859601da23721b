// The audit log's filters (URL and API query string) and the entries it answers with (client-safe).
import { z } from "zod";

import { calendarDay, isoInstant } from "../utils/json-values";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_LIMIT = 200;

/** The filters a view of the log carries in its URL, in the order its links write them. */
export const AUDIT_FILTER_KEYS = ["actor", "action", "from", "to", "unit"] as const;

const cursor = z.coerce.number().int().positive();

export const auditQuerySchema = z
  .object({
    actor: z.string().trim().max(100).optional().describe("Part of the actor's name or email, any case"),
    action: z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)*$/, "action is a dotted name such as generator.start")
      .max(60)
      .optional()
      .describe("One action, e.g. generator.start"),
    from: calendarDay.optional().describe("First day, YYYY-MM-DD in the business time zone"),
    to: calendarDay.optional().describe("Last day, YYYY-MM-DD in the business time zone"),
    unit: z
      .string()
      .regex(/^[a-z0-9-]+$/, "unit is a business-unit slug")
      .optional()
      .describe("Business-unit slug: that unit's entries only"),
    before: cursor.optional().describe("Entries older than this id (the older cursor of the previous page)"),
    after: cursor.optional().describe("Entries newer than this id (the newer cursor of the previous page)"),
    limit: z.coerce.number().int().min(1).max(AUDIT_MAX_LIMIT).default(AUDIT_PAGE_SIZE),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "from must be on or before to", path: ["from"] })
  .refine((value) => value.before === undefined || value.after === undefined, {
    message: "give before or after, not both",
    path: ["after"],
  });
export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditFilters = Pick<AuditQuery, (typeof AUDIT_FILTER_KEYS)[number]>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoInstant,
  action: z.string().describe("Dotted name: signin.success, generator.start, notification_target.update, …"),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable().describe("Null for the CLI or a deleted account"),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  businessUnit: z.object({ slug: z.string(), name: z.string() }).nullable().describe("The unit concerned; null company-wide"),
  ip: z.string().nullable().describe("The caller's address, when a trusted proxy reports it"),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().describe("What changed; settings changes carry { before, after }"),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema).describe("Newest first"),
  older: z.number().int().nullable().describe("Pass as before for older entries; null on the oldest page"),
  newer: z.number().int().nullable().describe("Pass as after for newer entries; null on the newest page"),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
