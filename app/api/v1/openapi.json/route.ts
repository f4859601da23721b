// GET /api/v1/openapi.json: the OpenAPI document of the REST API. Public, like any API description.
import { NextResponse } from "next/server";

import { openApiDocument } from "@/lib/openapi/document";

export const GET = () => NextResponse.json(openApiDocument);
