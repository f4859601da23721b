import "server-only";

import { ZodError } from "zod";

import { AppError } from "../errors";
import type { Logger } from "../logger";
import type { ErrorBody } from "./envelope";

/** The one place errors become HTTP statuses: handlers throw, they never build error responses. Unknown errors never leak details. */
export function mapError(error: unknown, log: Logger): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { code: error.code, message: error.message, details: error.details } };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = details[0];
    const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid input.";
    return { status: 422, body: { code: "VALIDATION_FAILED", message, details } };
  }
  if (isPrismaNotFound(error)) return { status: 404, body: { code: "NOT_FOUND", message: "Not found." } };
  if (error instanceof SyntaxError) return { status: 400, body: { code: "BAD_REQUEST", message: "The request body is not valid JSON." } };
  // The client went away while its body was read (a closed tab, a cancelled fetch): nobody gets the answer.
  if (isClientAbort(error)) {
    log.info("client closed the request");
    return { status: 400, body: { code: "CLIENT_CLOSED", message: "The request was closed before it was read." } };
  }
  log.error({ err: error }, "unhandled error");
  return { status: 500, body: { code: "INTERNAL", message: "Something went wrong. Quote the request id when reporting it." } };
}

function isClientAbort(error: unknown): boolean {
  return error instanceof Error && error.message === "aborted" && "code" in error && error.code === "ECONNRESET";
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2025";
}
