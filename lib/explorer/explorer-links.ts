import type { ExplorerOptions } from "./options";

/** The global filters an explorer view carries in its URL. */
export const EXPLORER_FILTER_KEYS = ["from", "to", "preset", "unit", "branch"] as const;

/**
 * Links that keep the view's filters, search and order (never the page cursor, so every
 * link starts from them): `href("/explorer", { cursor })`, `href("/api/v1/sales", { format: "csv" })`.
 */
export function explorerLinks(params: Record<string, string>, options: Pick<ExplorerOptions, "q" | "sort" | "dir">) {
  const base = new URLSearchParams();
  for (const key of EXPLORER_FILTER_KEYS) if (params[key]) base.set(key, params[key]);
  if (options.q) base.set("q", options.q);
  if (options.sort !== "soldAt") base.set("sort", options.sort);
  if (options.dir !== "desc") base.set("dir", options.dir);
  return (path: string, extra: Record<string, string> = {}) => {
    const search = new URLSearchParams(base);
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return `${path}?${search.toString()}`;
  };
}
