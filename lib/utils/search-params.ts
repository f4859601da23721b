export type PageSearchParams = Record<string, string | string[] | undefined>;

/** A page's search params with one value per key (the first when repeated); absent keys are left out. */
export function firstValues(raw: PageSearchParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([key, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[key, first]];
    }),
  );
}
