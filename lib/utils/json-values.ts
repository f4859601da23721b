// How values travel in API responses, shared by the response schemas: instants, days and exact amounts as strings.
import { z } from "zod";

/** An instant as Date.toISOString() writes it. */
export const isoInstant = z.iso.datetime();

/** A local calendar day, YYYY-MM-DD. */
export const calendarDay = z.iso.date();

/** An exact decimal amount; a float would lose cents. */
export const decimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe("An exact decimal, as a string");
