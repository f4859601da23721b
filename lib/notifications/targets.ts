// Notification targets as users enter them (client-safe): an email address or a Slack incoming webhook.
import { z } from "zod";

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

export interface TargetView {
  id: number;
  kind: NotificationKind;
  target: string;
  label: string | null;
  enabled: boolean;
  createdAt: string;
}

export interface DeliveryView {
  id: number;
  targetId: number;
  kind: NotificationKind;
  target: string;
  runId: number | null;
  isTest: boolean;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}
