// Documented routes of run notifications.
import { z } from "zod";

import { deliveryViewSchema, newTargetSchema, targetUpdateSchema, targetViewSchema } from "../../notifications/targets";
import { idParamSchema } from "../../server/http/id-param";
import { defineRoute } from "../define-route";

const tags = ["notifications"];
const params = z.object({ id: idParamSchema });
const noTarget = { 404: "No such target" };

export const notificationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/notifications/targets",
    summary: "Targets told when a pipeline run ends",
    tags,
    access: "notifications.manage",
    response: { schema: z.array(targetViewSchema), description: "Targets" },
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/notifications/targets",
    summary: "Add a target: an email address or a Slack incoming webhook",
    tags,
    access: "notifications.manage",
    body: { schema: newTargetSchema },
    response: { schema: targetViewSchema, description: "The new target" },
    errors: { 422: "Not an email address, or not an http(s) URL" },
  }),
  defineRoute({
    method: "patch",
    path: "/api/v1/notifications/targets/{id}",
    summary: "Enable or disable a target",
    tags,
    access: "notifications.manage",
    params,
    body: { schema: targetUpdateSchema },
    response: { schema: targetViewSchema, description: "The target" },
    errors: noTarget,
  }),
  defineRoute({
    method: "delete",
    path: "/api/v1/notifications/targets/{id}",
    summary: "Remove a target",
    tags,
    access: "notifications.manage",
    params,
    response: { schema: z.object({ deleted: z.literal(true) }), description: "Removed" },
    errors: noTarget,
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/notifications/targets/{id}/test",
    summary: "Send a test message now (with retries); answers with the delivery",
    tags,
    access: "notifications.manage",
    params,
    response: { schema: deliveryViewSchema, description: "The delivery, SENT or FAILED with its error" },
    errors: noTarget,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/notifications/deliveries",
    summary: "The latest 50 deliveries, newest first",
    tags,
    access: "notifications.manage",
    response: { schema: z.array(deliveryViewSchema), description: "Deliveries" },
  }),
];
