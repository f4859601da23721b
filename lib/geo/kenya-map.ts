// Kenya's 47 counties as SVG paths, projected and simplified once by scripts/build-map-data.ts (about 42 KB, no
// tiles or scripts from the internet). County names are the source's COUNTY_NAM, the same as Branch.county.
import data from "./kenya-counties.json";

export interface CountyShape {
  /** Upper case, e.g. "NAIROBI" or "THARAKA - NITHI". */
  name: string;
  /** SVG path data in viewBox units: absolute "M x yL x y … Z", one subpath per ring. */
  path: string;
  /** Area centroid [x, y] in viewBox units, for labels and bubbles. */
  centroid: [number, number];
}

/** JSON imports type arrays as number[]; the script always writes pairs. */
function toPair(name: string, values: readonly number[]): [number, number] {
  const [x, y] = values;
  if (values.length !== 2 || x === undefined || y === undefined) throw new Error(`kenya-counties.json: bad centroid for ${name}`);
  return [x, y];
}

export const kenyaMap: { source: string; viewBox: string; counties: CountyShape[] } = {
  source: data.source,
  viewBox: data.viewBox,
  counties: data.counties.map(({ name, path, centroid }) => ({ name, path, centroid: toPair(name, centroid) })),
};

export const COUNTY_NAMES: ReadonlySet<string> = new Set(kenyaMap.counties.map((county) => county.name));
