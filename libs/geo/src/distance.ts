import distance from '@turf/distance';
import { point } from '@turf/helpers';

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres between two WGS-84 points. */
export function metresBetween(a: LatLng, b: LatLng): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}
