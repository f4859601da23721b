// In-app notices as the browser and the API see them (client-safe). The text is not stored:
// each reader's catalog renders it from `kind` and `params`, so every user reads their language.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";

export const NOTICE_KINDS = [
  "RUN_FINISHED",
  "RUN_FAILED",
  "QUARANTINE_WAITING",
  "KPIS_STALE",
  "GENERATOR_ENDED",
  "SHARE_EXPIRING",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const count = z.number().int().min(0);

/** What each kind's message needs; the catalog's placeholders name these fields. */
export const noticeParamsSchemas = {
  RUN_FINISHED: z.object({
    runId: z.number().int(),
    fileName: z.string(),
    dryRun: z.boolean(),
    read: count,
    valid: count,
    rejected: count,
    inserted: count,
    updated: count,
    unchanged: count,
  }),
  RUN_FAILED: z.object({ runId: z.number().int(), fileName: z.string(), error: z.string() }),
  QUARANTINE_WAITING: z.object({ runId: z.number().int(), fileName: z.string(), rows: count }),
  KPIS_STALE: z.object({ scope: z.string().describe('"all" or a business-unit slug'), error: z.string() }),
  GENERATOR_ENDED: z.object({ unit: z.string().nullable().describe("The generator's unit slug; null for all units"), produced: count }),
  SHARE_EXPIRING: z.object({ shareId: z.string(), label: z.string().nullable(), expiresAt: isoInstant }),
} satisfies Record<NoticeKind, z.ZodObject>;

export type NoticeParams<K extends NoticeKind = NoticeKind> = z.infer<(typeof noticeParamsSchemas)[K]>;

const base = {
  id: z.number().int(),
  link: z.string().describe("The app page the notice is about"),
  createdAt: isoInstant,
  readAt: isoInstant.nullable(),
};

const noticeOf = <K extends NoticeKind>(kind: K) => z.object({ ...base, kind: z.literal(kind), params: noticeParamsSchemas[kind] });

export const noticeViewSchema = z.discriminatedUnion("kind", [
  noticeOf("RUN_FINISHED"),
  noticeOf("RUN_FAILED"),
  noticeOf("QUARANTINE_WAITING"),
  noticeOf("KPIS_STALE"),
  noticeOf("GENERATOR_ENDED"),
  noticeOf("SHARE_EXPIRING"),
]);
/** One notice; `params` matches its kind. */
export type NoticeView = z.infer<typeof noticeViewSchema>;

export const noticesQuerySchema = z.object({
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().describe("nextBefore of the previous page: older notices"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const noticePageSchema = z.object({
  notices: z.array(noticeViewSchema).describe("Newest first"),
  unread: count.describe("Unread notices in all (not only this page)"),
  nextBefore: z.number().int().nullable().describe("Pass as before for older notices; null on the last page"),
});
export type NoticePage = z.infer<typeof noticePageSchema>;

export const readNoticesSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const readNoticesResultSchema = z.object({ read: count.describe("Notices marked read by this call"), unread: count });

/** Realtime event on `private-user-{id}`: a new notice, or notices read (in another tab, too). */
export const NOTICE_EVENT = "notices";
export type NoticeEvent = { type: "created"; notice: NoticeView } | { type: "read"; ids: number[] | "all"; readAt: string };
