// Documented routes of in-app notices (the header's bell).
import { z } from "zod";

import { noticePageSchema, noticesQuerySchema, readNoticesResultSchema, readNoticesSchema } from "../../notices/types";
import { defineRoute } from "../define-route";

const tags = ["notices"];

export const noticeRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/notices",
    summary: "The caller's in-app notices, newest first, with the unread count",
    description:
      "Notices of the caller only: runs it started (finished with counts, or failed), quarantined rows waiting for its review, " +
      "stale KPIs (ADMINs), the end of an invoice generator run it started, its share links expiring within a day. " +
      "The text is rendered by the client from kind and params; live updates arrive on private-user-{id}. " +
      "Notices older than 30 days are pruned. Pass nextBefore back as before for older ones.",
    tags,
    access: "dashboards.read",
    query: [noticesQuerySchema],
    response: { schema: noticePageSchema, description: "A page of notices and the unread count" },
    errors: { 422: "A limit or before that is not a positive integer in range" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/notices/read",
    summary: "Marks notices read: the given ids (others' ids are ignored), or all of the caller's",
    tags,
    access: "dashboards.read",
    body: { schema: readNoticesSchema },
    response: { schema: readNoticesResultSchema, description: "How many were marked, and how many stay unread" },
    errors: { 400: "The body is not JSON", 422: "Neither { ids: [...] } nor { all: true }" },
  }),
  defineRoute({
    method: "get",
    path: "/api/cron/sweep-notices",
    summary: "Notices for share links expiring within a day (once per link); prunes notices over 30 days old and stale sign-in attempts",
    tags: ["cron"],
    access: "cron",
    response: {
      schema: z.object({ shareExpiring: z.number().int(), pruned: z.number().int(), signInAttemptsPruned: z.number().int() }),
      description: "What the sweep did",
    },
  }),
];
