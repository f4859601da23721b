// OpenAPI paths of run notifications (merged into lib/openapi/document.ts). ADMIN only.
import { NOTIFICATION_KINDS } from "../../notifications/targets";
import { errorResponse, json } from "../schema-helpers";

const target = {
  type: "object",
  properties: {
    id: { type: "integer" },
    kind: { enum: NOTIFICATION_KINDS },
    target: { type: "string", description: "email address, or the Slack incoming webhook URL" },
    label: { type: ["string", "null"] },
    enabled: { type: "boolean" },
    createdAt: { type: "string", format: "date-time" },
  },
};

const delivery = {
  type: "object",
  properties: {
    id: { type: "integer" },
    targetId: { type: "integer" },
    kind: { enum: NOTIFICATION_KINDS },
    target: { type: "string" },
    runId: { type: ["integer", "null"] },
    isTest: { type: "boolean" },
    status: { enum: ["PENDING", "SENT", "FAILED"] },
    attempts: { type: "integer", description: "up to 3: a failed send is retried twice" },
    error: { type: ["string", "null"] },
    createdAt: { type: "string", format: "date-time" },
    sentAt: { type: ["string", "null"], format: "date-time" },
  },
};

const denied = { "401": errorResponse("Not signed in"), "403": errorResponse("Not an ADMIN") };
const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };

export const notificationPaths = {
  "/api/v1/notifications/targets": {
    get: {
      tags: ["notifications"],
      summary: "Targets told when a pipeline run ends",
      responses: { "200": json("Targets", { type: "array", items: target }), ...denied },
    },
    post: {
      tags: ["notifications"],
      summary: "Add a target: { kind: EMAIL | SLACK, target, label? }",
      responses: { "200": json("The new target", target), "422": errorResponse("Not an email address, or not an http(s) URL"), ...denied },
    },
  },
  "/api/v1/notifications/targets/{id}": {
    patch: {
      tags: ["notifications"],
      summary: "Enable or disable a target: { enabled }",
      parameters: [id],
      responses: { "200": json("The target", target), "404": errorResponse("No such target"), ...denied },
    },
    delete: {
      tags: ["notifications"],
      summary: "Remove a target",
      parameters: [id],
      responses: { "200": json("Removed", { type: "object" }), "404": errorResponse("No such target"), ...denied },
    },
  },
  "/api/v1/notifications/targets/{id}/test": {
    post: {
      tags: ["notifications"],
      summary: "Send a test message now (with retries); answers with the delivery",
      parameters: [id],
      responses: {
        "200": json("The delivery, SENT or FAILED with its error", delivery),
        "404": errorResponse("No such target"),
        ...denied,
      },
    },
  },
  "/api/v1/notifications/deliveries": {
    get: {
      tags: ["notifications"],
      summary: "The latest 50 deliveries, newest first",
      responses: { "200": json("Deliveries", { type: "array", items: delivery }), ...denied },
    },
  },
};
