import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { point } from '@turf/helpers';
import RBush from 'rbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { GridPolygon } from '../entities';

interface Indexed {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  gridId: string;
  polygon: Polygon | MultiPolygon;
}

/** Finds the grid holding a point: an R-tree of the grids' bounding boxes, then point-in-polygon. */
export class GridIndex {
  private readonly tree = new RBush<Indexed>();

  constructor(grids: readonly { id: string; polygon: GridPolygon }[]) {
    this.tree.load(
      grids.map((grid) => {
        const polygon = grid.polygon as Polygon | MultiPolygon;
        const [minX, minY, maxX, maxY] = bbox(polygon);
        return { minX: minX!, minY: minY!, maxX: maxX!, maxY: maxY!, gridId: grid.id, polygon };
      }),
    );
  }

  /** The ids of the grids holding the point (boundaries included), sorted. */
  locate(lat: number, lng: number): string[] {
    const here = point([lng, lat]);
    return this.tree
      .search({ minX: lng, minY: lat, maxX: lng, maxY: lat })
      .filter((candidate) => booleanPointInPolygon(here, candidate.polygon))
      .map((candidate) => candidate.gridId)
      .sort();
  }
}
