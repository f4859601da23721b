// OpenAPI paths of the pipeline feature (merged into lib/openapi/document.ts).
export const pipelinePaths = {};
