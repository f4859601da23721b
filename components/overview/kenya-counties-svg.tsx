import { kenyaMap } from "@/lib/geo/kenya-map";

/**
 * The county shapes, rendered on the server: the ~40 KB of path data travels once in the
 * HTML instead of in the page's JavaScript. RegionMap colours them by data-county.
 */
export function KenyaCountiesSvg({ label, regionOf }: { label: string; regionOf: Map<string, string> }) {
  return (
    <svg viewBox={kenyaMap.viewBox} role="img" aria-label={label} className="mx-auto max-h-80 w-full">
      {kenyaMap.counties.map((county) => (
        <path key={county.name} d={county.path} data-county={county.name} stroke="currentColor" strokeOpacity={0.25} strokeWidth={1}>
          <title>{regionOf.has(county.name) ? `${county.name} — ${regionOf.get(county.name)}` : county.name}</title>
        </path>
      ))}
    </svg>
  );
}
