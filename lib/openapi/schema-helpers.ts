// Building blocks for OpenAPI path descriptions: every JSON answer is in the envelope.
export const envelope = (data: object) => ({
  type: "object",
  required: ["data", "error", "metadata"],
  properties: {
    data,
    error: { oneOf: [{ type: "null" }, { $ref: "#/components/schemas/Error" }] },
    metadata: { type: "object", properties: { requestId: { type: "string" } }, required: ["requestId"] },
  },
});

export const json = (description: string, data: object) => ({ description, content: { "application/json": { schema: envelope(data) } } });
export const errorResponse = (description: string) => json(description, { type: "null" });
