// Plane geometry for scripts/build-map-data.ts, which turns the county GeoJSON into the shipped map.
// Nothing here runs in the browser: the app imports only the finished paths (lib/geo/kenya-map.ts).

export type Point = readonly [number, number];

const key = (point: Point) => `${point[0]},${point[1]}`;

/** Distance from `point` to the segment a–b (not the infinite line, so runs that curl back stay correct). */
function segmentDistance(point: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(point[0] - a[0] - t * dx, point[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open line: keeps both ends and every point needed to stay within `tolerance` of the original. */
export function douglasPeucker(line: readonly Point[], tolerance: number): Point[] {
  if (line.length < 3) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  // An explicit stack rather than recursion: a coastline run can hold thousands of points.
  const stack: [number, number][] = [[0, line.length - 1]];
  for (let span = stack.pop(); span; span = stack.pop()) {
    const [first, last] = span;
    let farthest = -1;
    let distance = tolerance;
    for (let index = first + 1; index < last; index++) {
      const d = segmentDistance(line[index]!, line[first]!, line[last]!);
      // Strictly greater: ties go to the first point, so a run read in the same direction always gives the same result.
      if (d > distance) [farthest, distance] = [index, d];
    }
    if (farthest === -1) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return line.filter((_, index) => keep[index] === 1);
}

/** Where to cut a closed ring with no joints: its smallest point and the point farthest from it, found the same way in any ring. */
function fallbackJoints(ring: readonly Point[], candidates: readonly number[]): number[] {
  const start = candidates.reduce((best, index) => {
    const [x, y] = ring[index]!;
    const [bestX, bestY] = ring[best]!;
    return x < bestX || (x === bestX && y < bestY) ? index : best;
  });
  const [originX, originY] = ring[start]!;
  const reach = (index: number) => Math.hypot(ring[index]![0] - originX, ring[index]![1] - originY);
  const end = candidates.reduce((best, index) => (reach(index) > reach(best) ? index : best), start);
  return start === end ? [start] : [Math.min(start, end), Math.max(start, end)];
}

/** Points of a closed ring from index `start` to `end`, wrapping round; the whole ring and back when they are equal. */
const slice = (ring: readonly Point[], start: number, end: number) =>
  start < end ? ring.slice(start, end + 1) : [...ring.slice(start), ...ring.slice(0, end + 1)];

/**
 * Simplifies closed rings (first point not repeated at the end) that share borders. Simplified one by one, the two
 * sides of a border would move apart and open slivers between counties, so a border is simplified once: from the
 * points both rings have, between joints (where the neighbour changes), read in one canonical direction. Each side's
 * own extra points along a border are dropped when they lie within `tolerance` of it (the source digitised each side
 * separately); where they stray further, each side of that stretch is simplified on its own.
 */
export function simplifyRings(rings: readonly (readonly Point[])[], tolerance: number): Point[][] {
  const owners = new Map<string, number[]>();
  rings.forEach((ring, id) => {
    for (const point of ring) {
      const list = owners.get(key(point)) ?? [];
      if (list.at(-1) !== id) list.push(id);
      owners.set(key(point), list);
    }
  });
  const owned = (point: Point) => owners.get(key(point))!.join();
  const edgeKey = (a: Point, b: Point) => [key(a), key(b)].sort().join(";");
  const sharedIndices = (ring: readonly Point[]) => ring.flatMap((point, index) => (owners.get(key(point))!.length > 1 ? [index] : []));

  // An edge joins two consecutive shared points of a ring; it is a border when every ring running along it agrees.
  const verdicts = new Map<string, boolean[]>();
  const edges = rings.map((ring) => {
    const shared = sharedIndices(ring);
    return shared.map((start, k) => {
      const end = shared[(k + 1) % shared.length]!;
      const [a, b] = [ring[start]!, ring[end]!];
      if (shared.length < 2 || owned(a) !== owned(b)) return "";
      const near = slice(ring, start, end).every((point) => segmentDistance(point, a, b) <= tolerance);
      verdicts.set(edgeKey(a, b), [...(verdicts.get(edgeKey(a, b)) ?? []), near]);
      return edgeKey(a, b);
    });
  });
  const isBorder = (edge: string) => (verdicts.get(edge)?.length ?? 0) >= 2 && verdicts.get(edge)!.every(Boolean);

  return rings.map((ring, id) => {
    const shared = sharedIndices(ring);
    const border = edges[id]!.map(isBorder);
    let joints = shared.filter((_, k) => !(border[k] && border[(k + shared.length - 1) % shared.length]));
    if (joints.length === 0) joints = fallbackJoints(ring, shared.length > 0 ? shared : ring.map((_, index) => index));
    return joints.flatMap((start, index) => {
      const end = joints[(index + 1) % joints.length]!;
      const onBorder = border[shared.indexOf(start)] === true;
      const run = slice(ring, start, end).filter((point) => !onBorder || owners.get(key(point))!.length > 1);
      const forward = key(run[0]!) <= key(run.at(-1)!);
      const simplified = forward ? douglasPeucker(run, tolerance) : douglasPeucker(run.toReversed(), tolerance).toReversed();
      return simplified.slice(0, -1); // the last point starts the next run
    });
  });
}

/** Shoelace area; positive when the ring runs clockwise on screen (y grows downward). */
export function ringArea(ring: readonly Point[]): number {
  let twice = 0;
  ring.forEach((point, index) => {
    const next = ring[(index + 1) % ring.length]!;
    twice += point[0] * next[1] - next[0] * point[1];
  });
  return twice / 2;
}

/** Centroid of a ring's area, with its signed area so holes (opposite winding) subtract when rings are combined. */
export function ringCentroid(ring: readonly Point[]): { area: number; x: number; y: number } {
  let x = 0;
  let y = 0;
  ring.forEach((point, index) => {
    const next = ring[(index + 1) % ring.length]!;
    const cross = point[0] * next[1] - next[0] * point[1];
    x += (point[0] + next[0]) * cross;
    y += (point[1] + next[1]) * cross;
  });
  const area = ringArea(ring);
  return area === 0 ? { area, x: 0, y: 0 } : { area, x: x / (6 * area), y: y / (6 * area) };
}
