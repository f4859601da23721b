import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError, forbiddenError } from "../lib/server/errors";
import { fail, ok } from "../lib/server/http/envelope";
import { mapError } from "../lib/server/http/map-error";
import { resolveRequestId } from "../lib/server/http/request-id";
import { logger } from "../lib/server/logger";

describe("request ids", () => {
  it("keeps a sane caller id and replaces anything else", () => {
    expect(resolveRequestId("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(resolveRequestId("has space")).toMatch(/^[0-9a-f-]{36}$/);
    expect(resolveRequestId("x".repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
    expect(resolveRequestId(null)).not.toBe(resolveRequestId(null));
  });
});

describe("the envelope", () => {
  it("wraps data with the request id in body and header", async () => {
    const response = ok("req-1", { n: 1 });
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(await response.json()).toEqual({ data: { n: 1 }, error: null, metadata: { requestId: "req-1" } });
  });

  it("wraps errors with a null data", async () => {
    const response = fail("req-2", 403, { code: "FORBIDDEN", message: "no" });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ data: null, error: { code: "FORBIDDEN", message: "no" }, metadata: { requestId: "req-2" } });
  });
});

describe("the error mapper", () => {
  const silent = logger.child({});
  silent.level = "silent";

  it("maps domain errors to their status and code", () => {
    expect(mapError(forbiddenError(), silent)).toEqual({
      status: 403,
      body: { code: "FORBIDDEN", message: expect.any(String), details: undefined },
    });
    expect(mapError(new AppError(409, "ALREADY_RUNNING", "busy"), silent).status).toBe(409);
  });

  it("maps validation errors to 422 with the failing path", () => {
    const result = z.object({ limit: z.number().max(500) }).safeParse({ limit: 900 });
    const mapped = mapError(result.error, silent);
    expect(mapped.status).toBe(422);
    expect(mapped.body.code).toBe("VALIDATION_FAILED");
    expect(mapped.body.message).toMatch(/^limit: /);
  });

  it("maps Prisma's not-found to 404", () => {
    expect(mapError(Object.assign(new Error("No record"), { code: "P2025" }), silent).status).toBe(404);
  });

  it("answers a request the client closed mid-body as a 4xx, not a server error", () => {
    const aborted = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
    expect(mapError(aborted, silent)).toMatchObject({ status: 400, body: { code: "CLIENT_CLOSED" } });
    expect(mapError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), silent).status).toBe(500);
  });

  it("hides the details of anything unexpected", () => {
    const mapped = mapError(new Error("password=hunter2 at db.ts:12"), silent);
    expect(mapped.status).toBe(500);
    expect(JSON.stringify(mapped.body)).not.toContain("hunter2");
  });
});
