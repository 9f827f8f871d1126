import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { Polygon } from 'geojson';
import RBush from 'rbush';

export interface Area {
  id: string;
  polygon: Polygon;
}

interface Box<T> {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  area: T;
}

/**
 * Finds the area (grid, district) holding a point: an R-tree over the areas' bounding
 * boxes narrows the candidates, then a point-in-polygon test decides. Boundaries count
 * as inside; when areas overlap, the one with the smallest id wins (deterministic).
 */
export class SpatialIndex<T extends Area> {
  private readonly tree = new RBush<Box<T>>();

  constructor(areas: readonly T[]) {
    this.tree.load(
      areas.map((area) => {
        const [minX, minY, maxX, maxY] = bbox(area.polygon);
        return { minX, minY, maxX, maxY, area };
      }),
    );
  }

  get size(): number {
    return this.tree.all().length;
  }

  /** The area holding (lat, lng), if any. */
  find(lat: number, lng: number): T | undefined {
    const here = point([lng, lat]);
    const hits = this.tree
      .search({ minX: lng, minY: lat, maxX: lng, maxY: lat })
      .map((box) => box.area)
      .filter((area) => booleanPointInPolygon(here, area.polygon));
    hits.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits[0];
  }
}
