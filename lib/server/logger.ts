import "server-only";

import pino from "pino";

import { env } from "./env";

/** Structured JSON logs; handlers log through a child carrying the request id. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: "pulseboard" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "authorization", "*.authorization"], remove: true },
});

export type Logger = typeof logger;
