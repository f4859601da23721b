import "server-only";

import { ZodError } from "zod";

import { AppError } from "../errors";
import type { Logger } from "../logger";
import type { ErrorBody } from "./envelope";

/** The one place errors become HTTP statuses (STYLE §5). Unknown errors never leak details. */
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
  log.error({ err: error }, "unhandled error");
  return { status: 500, body: { code: "INTERNAL", message: "Something went wrong. Quote the request id when reporting it." } };
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2025";
}
