// OpenAPI paths of the analytics feature (merged into lib/openapi/document.ts).
export const analyticsPaths = {};
