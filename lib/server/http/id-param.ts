import { z } from "zod";

/** A numeric `{id}` path segment: a positive PostgreSQL integer (larger ids would fail in SQL, not here). */
export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);
