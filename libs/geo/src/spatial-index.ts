import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import RBush from 'rbush';

/** Something with an outline on the map: a grid, a community, a district. */
export interface Area {
  id: string;
  polygon: Polygon | MultiPolygon;
}

interface Box<T> {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  area: T;
}

/**
 * Finds the areas holding a point: an R-tree over the areas' bounding boxes narrows the
 * candidates, then a point-in-polygon test decides. Boundaries count as inside.
 */
export class SpatialIndex<T extends Area> {
  private readonly tree = new RBush<Box<T>>();

  constructor(areas: readonly T[]) {
    this.tree.load(
      areas.map((area) => {
        const [minX, minY, maxX, maxY] = bbox(area.polygon);
        return { minX: minX!, minY: minY!, maxX: maxX!, maxY: maxY!, area };
      }),
    );
  }

  get size(): number {
    return this.tree.all().length;
  }

  /** Every area holding (lat, lng), by id. */
  findAll(lat: number, lng: number): T[] {
    const here = point([lng, lat]);
    return this.tree
      .search({ minX: lng, minY: lat, maxX: lng, maxY: lat })
      .map((box) => box.area)
      .filter((area) => booleanPointInPolygon(here, area.polygon))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The area holding (lat, lng); where areas overlap, the one with the smallest id (deterministic). */
  find(lat: number, lng: number): T | undefined {
    return this.findAll(lat, lng)[0];
  }
}
