import { metresBetween } from '@grievance/geo';

export interface LatLng {
  lat: number;
  lng: number;
}

export interface DuplicateCandidate extends LatLng {
  id: string;
  category: string;
  kind: string;
  status: string;
  duplicateOf: string | null;
  submittedAt: Date;
}

export interface DuplicateRules {
  radiusM: number;
  windowH: number;
}

const CLOSED_STATUSES = new Set(['closed', 'rejected']);
const METRES_PER_DEGREE_LAT = 111_320;

/**
 * A lat/lng box that holds every point within `radiusM` of `center` (a little larger, never
 * smaller): the index-friendly prefilter before the exact distance.
 */
export function boundingBox(center: LatLng, radiusM: number): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  const margin = 1.01;
  const dLat = (radiusM * margin) / METRES_PER_DEGREE_LAT;
  const cos = Math.cos((Math.min(89, Math.abs(center.lat) + dLat) * Math.PI) / 180);
  const dLng = Math.min(180, (radiusM * margin) / (METRES_PER_DEGREE_LAT * Math.max(cos, 1e-6)));
  return { minLat: center.lat - dLat, maxLat: center.lat + dLat, minLng: center.lng - dLng, maxLng: center.lng + dLng };
}

/**
 * The cells of the duplicate check's lattice that a report's area overlaps, as lock names
 * (category, row, column), sorted. The lattice's cells are four radii tall, so an area
 * (bounding box of the radius) overlaps at most two rows and, below 60° latitude, two
 * columns. Two reports within the radius of each other share a cell: each one's box holds
 * the other's point, and every report's own cell is in its box.
 */
export function duplicateCheckCells(report: LatLng & { category: string }, radiusM: number): string[] {
  const step = (4 * Math.max(radiusM, 1)) / METRES_PER_DEGREE_LAT;
  const box = boundingBox(report, radiusM);
  const cells: string[] = [];
  for (let row = Math.floor(box.minLat / step); row <= Math.floor(box.maxLat / step); row++) {
    for (let col = Math.floor(box.minLng / step); col <= Math.floor(box.maxLng / step); col++) cells.push(`${report.category}:${row}:${col}`);
  }
  return cells.sort();
}

/**
 * The open hazard a new hazard duplicates, if any: same category, an original (not itself
 * a duplicate), not closed or rejected, reported at most the window before `at`, and within
 * the radius. The nearest wins; ties go to the older one.
 */
export function findDuplicate(
  report: LatLng & { category: string; at: Date },
  candidates: readonly DuplicateCandidate[],
  rules: DuplicateRules,
): DuplicateCandidate | undefined {
  const earliest = report.at.getTime() - rules.windowH * 3600_000;
  let best: { candidate: DuplicateCandidate; metres: number } | undefined;
  for (const candidate of candidates) {
    if (candidate.kind !== 'hazard' || candidate.category !== report.category) continue;
    if (candidate.duplicateOf !== null || CLOSED_STATUSES.has(candidate.status)) continue;
    const t = candidate.submittedAt.getTime();
    if (t < earliest) continue;
    const metres = metresBetween(report, candidate);
    if (metres > rules.radiusM) continue;
    if (!best || metres < best.metres || (metres === best.metres && t < best.candidate.submittedAt.getTime())) {
      best = { candidate, metres };
    }
  }
  return best?.candidate;
}
