// Notification targets as users enter them (client-safe): an email address or a Slack incoming webhook;
// and the target and delivery views the API answers with.
import { z } from "zod";

import { isoInstant } from "../utils/json-values";

export const NOTIFICATION_KINDS = ["EMAIL", "SLACK"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const newTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("EMAIL"), target: z.email("enter an email address"), label: z.string().trim().max(80).optional() }),
  z.object({
    kind: z.literal("SLACK"),
    target: z.url({ protocol: /^https?$/, error: "enter the webhook's http(s) URL" }),
    label: z.string().trim().max(80).optional(),
  }),
]);
export type NewTarget = z.infer<typeof newTargetSchema>;

/** PATCH /api/v1/notifications/targets/{id}: switch a target on or off. */
export const targetUpdateSchema = z.object({ enabled: z.boolean() });

export const targetViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  target: z.string().describe("Email address, or the Slack incoming webhook URL"),
  label: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: isoInstant,
});
export type TargetView = z.infer<typeof targetViewSchema>;

export const deliveryViewSchema = z.object({
  id: z.number().int(),
  targetId: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  target: z.string().describe("Email address, or the Slack webhook masked to its origin and last 4 characters"),
  runId: z.number().int().nullable(),
  isTest: z.boolean(),
  status: z.enum(["PENDING", "SENT", "FAILED"]),
  attempts: z.number().int().describe("Up to 3: a failed send is retried twice"),
  error: z.string().nullable(),
  createdAt: isoInstant,
  sentAt: isoInstant.nullable(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;
