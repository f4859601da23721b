import { statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { COUNTY_NAMES, kenyaMap } from "../lib/geo/kenya-map";
import { BRANCHES } from "../lib/seed/geography";
import { douglasPeucker, simplifyRings, type Point } from "../scripts/lib/geometry";

const JSON_FILE = path.resolve(import.meta.dirname, "../lib/geo/kenya-counties.json");

/** The rings of a path as points; throws on anything but absolute "M x yL x y … Z" subpaths. */
function parsePath(d: string): Point[][] {
  expect(d).toMatch(/^(M[\d. ]+L[\d. ]+Z)+$/);
  return d
    .split("Z")
    .filter(Boolean)
    .map((ring) => {
      const numbers = ring.replace(/[ML]/g, " ").trim().split(" ").map(Number);
      expect(numbers.length % 2).toBe(0);
      return Array.from({ length: numbers.length / 2 }, (_, i): Point => [numbers[2 * i]!, numbers[2 * i + 1]!]);
    });
}

const centroid = (name: string) => {
  const county = kenyaMap.counties.find((c) => c.name === name);
  if (!county) throw new Error(`no county ${name}`);
  return { x: county.centroid[0], y: county.centroid[1] };
};

describe("the shipped Kenya map", () => {
  it("has the 47 counties once each, sorted by name, and every branch's county", () => {
    const names = kenyaMap.counties.map((county) => county.name);
    expect(names).toHaveLength(47);
    expect(COUNTY_NAMES.size).toBe(47);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(["NAIROBI", "MOMBASA", "TURKANA", "THARAKA - NITHI", "MURANG'A"]));
    for (const branch of BRANCHES) expect(COUNTY_NAMES).toContain(branch.county);
  });

  it("draws paths of numbers inside the viewBox, with centroids inside too", () => {
    const [minX, minY, width, height] = kenyaMap.viewBox.split(" ").map(Number);
    expect([minX, minY]).toEqual([0, 0]);
    const inside = ([x, y]: Point) => x >= 0 && y >= 0 && x <= width! && y <= height!;
    for (const county of kenyaMap.counties) {
      expect(county.path.startsWith("M")).toBe(true);
      for (const ring of parsePath(county.path)) {
        expect(ring.length).toBeGreaterThanOrEqual(3);
        for (const point of ring) {
          expect(point.every(Number.isFinite)).toBe(true);
          expect(inside(point), `${county.name} ${point.join(",")}`).toBe(true);
        }
      }
      expect(inside(county.centroid), county.name).toBe(true);
    }
  });

  it("stays small enough to ship with the app", () => {
    expect(statSync(JSON_FILE).size).toBeLessThan(80 * 1024);
    expect(kenyaMap.source).toMatch(/whoisorioki\/dashboard.*MIT/);
  });

  it("puts counties where they are on the ground (y grows southward)", () => {
    const [nairobi, marsabit, mombasa, kisumu, turkana, mandera] = ["NAIROBI", "MARSABIT", "MOMBASA", "KISUMU", "TURKANA", "MANDERA"].map(
      centroid,
    );
    // Nairobi lies south-west of Marsabit.
    expect(nairobi!.x).toBeLessThan(marsabit!.x);
    expect(nairobi!.y).toBeGreaterThan(marsabit!.y);
    expect(mombasa!.x).toBeGreaterThan(kisumu!.x);
    expect(mombasa!.y).toBeGreaterThan(nairobi!.y);
    expect(turkana!.y).toBeLessThan(nairobi!.y);
    expect(mandera!.x).toBeGreaterThan(turkana!.x);
  });
});

describe("map simplification", () => {
  it("keeps a line's ends and only the points farther than the tolerance", () => {
    const line: Point[] = [
      [0, 0],
      [1, 0.1],
      [2, -0.1],
      [3, 5],
      [4, 0.1],
      [5, 0],
    ];
    expect(douglasPeucker(line, 0.5)).toEqual([
      [0, 0],
      [2, -0.1],
      [3, 5],
      [4, 0.1],
      [5, 0],
    ]);
    expect(douglasPeucker(line, 10)).toEqual([
      [0, 0],
      [5, 0],
    ]);
  });

  it("gives two neighbours the same simplified border", () => {
    // Two squares sharing the wavy edge x ≈ 10, the right one running the other way round. The left one also has a
    // point of its own on the border (as in the source), which must not pull its side away from the right one's.
    const border: Point[] = [
      [10, 0],
      [10.2, 2],
      [11, 4],
      [10.1, 6],
      [10, 8],
      [10, 10],
    ];
    const left: Point[] = [[0, 0], ...border.slice(0, 5), [10.05, 9], [10, 10], [0, 10]];
    const right: Point[] = [...border.toReversed(), [20, 0], [20, 10]];
    const [a, b] = simplifyRings([left, right], 0.8);
    const onBorder = (ring: Point[]) => ring.filter((point) => point[0] > 5 && point[0] < 15);
    expect(onBorder(a!)).toEqual([
      [10, 0],
      [11, 4],
      [10, 10],
    ]);
    expect(onBorder(b!)).toEqual(onBorder(a!).toReversed());
    expect(a).toContainEqual([0, 10]);
    expect(b).toContainEqual([20, 0]);
  });
});
