// One documented operation, described by the zod schemas its route handler parses and answers with.
import type { z } from "zod";

import type { Capability } from "../permissions";

export type Method = "get" | "post" | "put" | "patch" | "delete";
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** Media types of request bodies the API reads. */
export type BodyType = "application/json" | "multipart/form-data" | "application/x-www-form-urlencoded";

export interface RouteDefinition {
  method: Method;
  /** OpenAPI path, parameters in braces: /api/v1/pipeline/runs/{id} for app/api/v1/pipeline/runs/[id]. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /**
   * The capability the handler's `withSession` asks for (session cookie or API token), `public`
   * for handlers anyone may call, `cron` for those behind the cron secret.
   */
  access: Capability | "public" | "cron";
  /** The object schemas the handler parses its path segments and query string with. */
  params?: z.ZodObject;
  query?: readonly z.ZodObject[];
  body?: { schema: z.ZodType; type?: BodyType; required?: boolean };
  response: {
    schema: z.ZodType;
    description: string;
    status?: 200 | 201 | 202;
    /** Answered bare rather than in the `{ data, error, metadata }` envelope. */
    bare?: true;
    /** With ?format=csv, a text/csv download instead of JSON. */
    csv?: true;
    /** Other statuses that answer with the same body, e.g. 503 for a failing health check. */
    alsoFor?: Partial<Record<ErrorStatus, string>>;
  };
  /** Failures beyond the ones `access` implies (401, and 403 for a role without the capability). */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/** Identity, for the types: each feature lists its routes with it. */
export const defineRoute = (route: RouteDefinition): RouteDefinition => route;
