// Documented routes of share links: managing them (ADMIN, MANAGER for its unit) and what a link's viewer calls.
import { z } from "zod";

import { invoiceSummarySchema } from "../../invoices/views";
import { kpiSnapshotViewSchema } from "../../kpis/types";
import { subscriptionRequestSchema } from "../../realtime/authorize-subscription";
import { createdShareSchema, newShareSchema, shareIdSchema, shareViewSchema } from "../../shares/schemas";
import { defineRoute } from "../define-route";

const tags = ["shares"];
const viewerNote =
  "For a share link's viewer: send the link's token in the x-share-token header. 404 for an unknown token, 410 once the link expired or was revoked.";
const viewerErrors = { 404: "Unknown share token", 410: "The share link expired or was revoked" } as const;

export const shareRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/shares",
    summary: "Share links, newest first",
    description: "Every link for an unscoped caller; a caller scoped to a business unit sees that unit's links only.",
    tags,
    access: "admin.shares",
    response: { schema: z.array(shareViewSchema), description: "Share links with status, views and last view" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/shares",
    summary: "Create a share link: a read-only live overview for people without an account",
    description:
      "The answer's URL carries the token and is shown only once (only a SHA-256 is stored). The scope may be no wider than the caller's; the expiry is a preset or an instant 1 hour to 90 days ahead.",
    tags,
    access: "admin.shares",
    body: { schema: newShareSchema },
    response: { schema: createdShareSchema, description: "The link, and its URL", status: 201 },
    errors: { 403: "A scope wider than the caller's", 422: "Unknown unit, no expiry, or an expiry outside 1 hour to 90 days" },
  }),
  defineRoute({
    method: "delete",
    path: "/api/v1/shares/{id}",
    summary: "Revoke a share link at once",
    description: 'Open viewers switch to "link revoked" within seconds. Revoking a revoked link changes nothing.',
    tags,
    access: "admin.shares",
    params: z.object({ id: shareIdSchema }),
    response: { schema: shareViewSchema, description: "The revoked link" },
    errors: { 404: "No such link in the caller's scope" },
  }),
  defineRoute({
    method: "get",
    path: "/api/share/kpis",
    summary: "The KPI snapshot of a share link's scope",
    description: viewerNote,
    tags,
    access: "public",
    response: { schema: kpiSnapshotViewSchema, description: "Snapshot" },
    errors: viewerErrors,
  }),
  defineRoute({
    method: "get",
    path: "/api/share/invoices",
    summary: "The newest invoices of a share link's scope (the overview's ticker)",
    description: viewerNote,
    tags,
    access: "public",
    response: { schema: z.array(invoiceSummarySchema), description: "Up to 10 invoices, newest first" },
    errors: viewerErrors,
  }),
  defineRoute({
    method: "post",
    path: "/api/realtime/share-auth",
    summary: "Signs a share link viewer's subscription (pusher-js channelAuthorization endpoint)",
    description: `${viewerNote} Signs only the KPI, invoice and viewers channels of the link's scope and private-share-{id}; in the presence channel the viewer is an anonymous member.`,
    tags,
    access: "public",
    body: { schema: subscriptionRequestSchema, type: "application/x-www-form-urlencoded" },
    response: {
      schema: z.object({ auth: z.string(), channel_data: z.string().optional() }),
      description: "The subscription's signature",
      bare: true,
    },
    errors: { ...viewerErrors, 403: "A channel outside the link's scope", 422: "No socket_id or channel_name" },
  }),
];
