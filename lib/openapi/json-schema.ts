// zod schemas as JSON Schema draft 2020-12 (what OpenAPI 3.1 uses), trimmed of bounds and patterns that only add noise.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** Drops what zod adds to every integer and format, so a reader sees the bounds the API chose. */
function trim({ jsonSchema }: { jsonSchema: JsonSchema }) {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (typeof jsonSchema.format === "string") delete jsonSchema.pattern;
}

/**
 * `input`: what a route accepts (fields with defaults are optional, coerced values as the wire sends them);
 * `output`: what it answers (every field required unless optional, no unknown fields).
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, override: trim }) as JsonSchema;
  return json;
}

/** One OpenAPI parameter per property of the object schemas a route parses its query string or path with. */
export function parametersOf(location: Parameter["in"], schemas: readonly z.ZodObject[]): Parameter[] {
  return schemas.flatMap((schema) => {
    const json = jsonSchemaOf(schema, "input");
    const required = new Set((json.required as string[] | undefined) ?? []);
    return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: location,
        required: location === "path" || required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
      };
    });
  });
}
