// Imported datasets bring regions the county map cannot draw (sales regions such as "APAC", or
// a region whose branches have no county). Kept pure and free of the geometry so the client
// bundle does not carry the map data.

export interface RegionTotal {
  counties: readonly string[];
  /** A Decimal string. */
  revenue: string;
}

/**
 * Regions with at least one county on the map, and the rest, in their given order. Regions with
 * no revenue are left out of both: a legend row of zero tells the reader nothing.
 */
export function splitRegions<T extends RegionTotal>(regions: readonly T[], mapCounties: ReadonlySet<string>): { mapped: T[]; other: T[] } {
  const mapped: T[] = [];
  const other: T[] = [];
  for (const region of regions) {
    if (Number(region.revenue) === 0) continue;
    (region.counties.some((county) => mapCounties.has(county)) ? mapped : other).push(region);
  }
  return { mapped, other };
}
