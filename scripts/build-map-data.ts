// `npx tsx scripts/build-map-data.ts [path/to/kenya-counties.geojson]`: projects and simplifies the 47 county
// boundaries (a GeoJSON FeatureCollection) once into lib/geo/kenya-counties.json, so the browser gets small SVG paths and
// never the 1.3 MB GeoJSON. Re-running on the same input writes identical bytes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { format, resolveConfig } from "prettier";

import { ringArea, ringCentroid, simplifyRings, type Point } from "./lib/geometry";

const ROOT = path.resolve(import.meta.dirname, "..");
const INPUT = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(ROOT, "../shared/data/kenya-counties.geojson");
const OUTPUT = path.join(ROOT, "lib/geo/kenya-counties.json");
const SCALE = 100; // SVG units per degree of latitude: Kenya becomes about 800 × 1000, and 0.1 unit ≈ 110 m
const PADDING = 4; // keeps border strokes inside the viewBox
const TOLERANCE = 0.8; // Douglas–Peucker, in SVG units (≈ 900 m, under a pixel at full size): about 42 KB of paths
const SOURCE =
  "Kenya county boundaries from whoisorioki/dashboard (frontend/public/kenya-counties.geojson @ d2976eb5), MIT licence " +
  "per that repository's README; projected and simplified by scripts/build-map-data.ts.";

type Geometry = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };
interface Feature {
  properties: { COUNTY_NAM?: string | null };
  geometry: Geometry;
}

const toPoint = (position: number[]): Point => {
  const [lon, lat] = position;
  if (lon === undefined || lat === undefined) throw new Error(`bad position ${JSON.stringify(position)}`);
  return [lon, lat];
};

// Each county's polygons as rings of [lon, lat]; features with the same name become one county.
const polygonsByCounty = new Map<string, Point[][][]>();
const features = (JSON.parse(readFileSync(INPUT, "utf8")) as { features: Feature[] }).features;
for (const { properties, geometry } of features) {
  const name = properties.COUNTY_NAM?.trim();
  if (!name) {
    console.warn("skipping a feature without COUNTY_NAM"); // the source has one 4-point sliver in Lake Victoria
    continue;
  }
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") throw new Error(`${name}: unexpected geometry type`);
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  // GeoJSON rings repeat their first point at the end; the simplifier wants each point once.
  const rings = polygons.map((polygon) => polygon.map((ring) => ring.map(toPoint).slice(0, -1)));
  polygonsByCounty.set(name, [...(polygonsByCounty.get(name) ?? []), ...rings]);
}

// Equirectangular projection, x shrunk by cos(mean latitude): Kenya straddles the equator, so distortion is tiny.
const all = [...polygonsByCounty.values()].flat(3);
const [minLon, maxLon] = [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
const [minLat, maxLat] = [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
const xScale = SCALE * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const project = ([lon, lat]: Point): Point => [(lon - minLon) * xScale + PADDING, (maxLat - lat) * SCALE + PADDING];
const width = Math.ceil((maxLon - minLon) * xScale + 2 * PADDING);
const height = Math.ceil((maxLat - minLat) * SCALE + 2 * PADDING);

// All rings are simplified together so shared borders stay shared (see simplifyRings).
const names = [...polygonsByCounty.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const flat = names.flatMap((name) => polygonsByCounty.get(name)!.flatMap((polygon) => polygon.map((ring) => ring.map(project))));
const simplified = simplifyRings(flat, TOLERANCE);

const round = (value: number) => Math.round(value * 10) / 10;

/** Rounds a ring to 0.1 and drops repeated points; null when it collapses to (almost) nothing. */
function finish(ring: readonly Point[], outer: boolean): Point[] | null {
  const rounded = ring
    .map(([x, y]): Point => [round(x), round(y)])
    .filter((point, index, points) => {
      const previous = points[(index + points.length - 1) % points.length]!;
      return points.length === 1 || point[0] !== previous[0] || point[1] !== previous[1];
    });
  const area = ringArea(rounded);
  if (rounded.length < 3 || Math.abs(area) < TOLERANCE * TOLERANCE) return null;
  // Outer rings clockwise and holes anticlockwise, so paths fill right under either SVG fill-rule.
  return area > 0 === outer ? rounded : rounded.toReversed();
}

const text = (point: Point) => `${point[0]} ${point[1]}`;
let cursor = 0;
let dropped = 0;
let points = 0;
const counties = names.map((name) => {
  const rings: Point[][] = [];
  for (const polygon of polygonsByCounty.get(name)!) {
    const finished = polygon.map((_, index) => finish(simplified[cursor + index]!, index === 0));
    cursor += polygon.length;
    dropped += finished.filter((ring) => ring === null).length;
    if (!finished[0]) continue; // the outer ring collapsed: its holes go with it
    rings.push(...finished.filter((ring) => ring !== null));
  }
  if (rings.length === 0) throw new Error(`${name} collapsed entirely: lower TOLERANCE`);
  points += rings.flat().length;
  const path = rings.map(([first, ...rest]) => `M${text(first!)}L${rest.map(text).join(" ")}Z`).join("");
  const parts = rings.map(ringCentroid);
  const area = parts.reduce((sum, part) => sum + part.area, 0);
  const centroid = [
    round(parts.reduce((sum, p) => sum + p.area * p.x, 0) / area),
    round(parts.reduce((sum, p) => sum + p.area * p.y, 0) / area),
  ];
  return { name, path, centroid };
});

const json = JSON.stringify({ source: SOURCE, viewBox: `0 0 ${width} ${height}`, counties });
// Written as Prettier would format it, so `npm run format` leaves the generated file alone.
const output = await format(json, { ...(await resolveConfig(OUTPUT)), filepath: OUTPUT });
writeFileSync(OUTPUT, output);
console.log(
  `${path.relative(ROOT, OUTPUT)}: ${counties.length} counties from ${features.length} features, ${points} points ` +
    `(${dropped} collapsed rings dropped), tolerance ${TOLERANCE}, viewBox 0 0 ${width} ${height}, ${(Buffer.byteLength(output) / 1024).toFixed(1)} KB`,
);
