// OpenAPI paths of the invoices feature (merged into lib/openapi/document.ts).
export const invoicePaths = {};
