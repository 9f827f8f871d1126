import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { Polygon, Position } from 'geojson';

/**
 * Checks a directory polygon must pass before it is stored: its rings are simple (no edge
 * crosses another) and its inside overlaps no other grid's. Neighbours sharing a border
 * (an edge or a corner) do not overlap.
 */

type Segment = [Position, Position];

const EPSILON = 1e-12;

/**
 * Positions are compared on a grid of 1e-9 degrees (about 0.1 mm): neighbours drawn by
 * different tools, or computed in floating point (116.5 + 0.01 is 116.51000000000001), share
 * a border rather than overlap by a hair.
 */
const SNAP = 1e9;
const snap = (p: Position): Position => [Math.round(p[0]! * SNAP) / SNAP, Math.round(p[1]! * SNAP) / SNAP];
const snapped = (polygon: Polygon): Polygon => ({ type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map(snap)) });

function orientation(a: Position, b: Position, c: Position): number {
  const value = (b[1]! - a[1]!) * (c[0]! - b[0]!) - (b[0]! - a[0]!) * (c[1]! - b[1]!);
  return Math.abs(value) < EPSILON ? 0 : value > 0 ? 1 : 2;
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0]!, b[0]!) - EPSILON <= p[0]! &&
    p[0]! <= Math.max(a[0]!, b[0]!) + EPSILON &&
    Math.min(a[1]!, b[1]!) - EPSILON <= p[1]! &&
    p[1]! <= Math.max(a[1]!, b[1]!) + EPSILON
  );
}

/** Whether two segments share any point (touching and overlapping collinear ones included). */
function segmentsMeet([a, b]: Segment, [c, d]: Segment): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Whether two segments cross at one point inside both (a proper crossing, not a touch). */
function segmentsCross([a, b]: Segment, [c, d]: Segment): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  return o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0 && o1 !== o2 && o3 !== o4;
}

const segmentsOf = (ring: Position[]): Segment[] => ring.slice(1).map((p, i) => [ring[i]!, p]);

const samePosition = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < EPSILON && Math.abs(a[1]! - b[1]!) < EPSILON;

/** Where two edges of a polygon meet: rings and edges counted from 0 (ring 0 is the outline, the others its holes). */
export interface PolygonCrossing {
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
  /** The first corner of edge A, [lng, lat]. */
  near: Position;
}

/**
 * Where a polygon's rings cross themselves or each other (a bow-tie, a figure eight, a hole
 * poking out): a description of the first place found, or null for a simple polygon.
 */
export function selfIntersection(original: Polygon): string | null {
  const crossing = polygonCrossing(original);
  return crossing ? `ring ${crossing.ringA} edge ${crossing.edgeA} meets ring ${crossing.ringB} edge ${crossing.edgeB} near [${crossing.near.join(', ')}]` : null;
}

/** The first place a polygon's rings cross themselves or each other, or null for a simple polygon. Repeated positions count as one (zero-length edges are skipped). */
export function polygonCrossing(original: Polygon): PolygonCrossing | null {
  const polygon = snapped(original);
  const rings = polygon.coordinates.map((ring) => ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!)));
  const edges = rings.flatMap((ring, r) => segmentsOf(ring).map((segment, i) => ({ segment, r, i, n: ring.length - 1 })));
  for (let x = 0; x < edges.length; x++) {
    for (let y = x + 1; y < edges.length; y++) {
      const a = edges[x]!;
      const b = edges[y]!;
      // Consecutive edges of one ring share their corner; that is not a crossing.
      if (a.r === b.r && (b.i === a.i + 1 || (a.i === 0 && b.i === a.n - 1))) continue;
      if (segmentsMeet(a.segment, b.segment)) return { ringA: a.r, edgeA: a.i, ringB: b.r, edgeB: b.i, near: a.segment[0] };
    }
  }
  return null;
}

/** Whether a point is strictly inside a polygon (on its border is not inside). */
const strictlyInside = (p: Position, polygon: Polygon) => booleanPointInPolygon(point(p), polygon, { ignoreBoundary: true });

/** A point strictly inside a simple polygon: a midpoint of a fan triangle that lies inside it. */
function innerPoint(polygon: Polygon): Position | null {
  const ring = polygon.coordinates[0]!;
  const corners = ring.slice(0, -1);
  for (let i = 1; i + 1 < corners.length; i++) {
    const [a, b, c] = [corners[0]!, corners[i]!, corners[i + 1]!];
    const centre = [(a[0]! + b[0]! + c[0]!) / 3, (a[1]! + b[1]! + c[1]!) / 3];
    if (strictlyInside(centre, polygon)) return centre;
  }
  return null;
}

/**
 * Whether the insides of two simple polygons overlap. Sharing a border or a corner is not
 * an overlap; crossing edges, a corner or an edge's midpoint inside the other, or one
 * polygon lying inside (or on) the other is.
 */
export function polygonsOverlap(originalA: Polygon, originalB: Polygon): boolean {
  const a = snapped(originalA);
  const b = snapped(originalB);
  // Boxes that are apart or only touch hold no common inside: most pairs of a city's grids end here.
  const [aw, as, ae, an] = bbox(a);
  const [bw, bs, be, bn] = bbox(b);
  if (ae! <= bw! || be! <= aw! || an! <= bs! || bn! <= as!) return false;
  const edgesA = a.coordinates.flatMap(segmentsOf);
  const edgesB = b.coordinates.flatMap(segmentsOf);
  if (edgesA.some((ea) => edgesB.some((eb) => segmentsCross(ea, eb)))) return true;
  const probes = (edges: Segment[]) => edges.flatMap(([p, q]) => [p, [(p[0]! + q[0]!) / 2, (p[1]! + q[1]!) / 2]]);
  if (probes(edgesA).some((p) => strictlyInside(p, b))) return true;
  if (probes(edgesB).some((p) => strictlyInside(p, a))) return true;
  // Same outline, or every corner on the other's border: compare a point inside each.
  const insideA = innerPoint(a);
  const insideB = innerPoint(b);
  return (insideA !== null && strictlyInside(insideA, b)) || (insideB !== null && strictlyInside(insideB, a));
}
