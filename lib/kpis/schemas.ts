// Inputs of the KPI endpoint, shared by the route handler and the API document.
import { z } from "zod";

export const kpiQuerySchema = z.object({
  scope: z
    .string()
    .regex(/^[a-z0-9-]+$/, "scope is all or a business-unit slug")
    .optional()
    .describe("all (default) or a business-unit slug"),
});
