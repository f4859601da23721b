// PUT /api/v1/locale's body and answer, shared by the route handler and the API document (client-safe).
import { z } from "zod";

import { LOCALES } from "./config";

export const localeSchema = z.object({ locale: z.enum(LOCALES) });
