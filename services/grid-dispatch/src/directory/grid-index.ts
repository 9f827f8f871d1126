import { Injectable } from '@nestjs/common';
import { Area, SpatialIndex } from '@grievance/geo';
import { Clock } from '@grievance/platform';
import { Grid } from './directory.repository';

/** How long a replica trusts its spatial index (another replica may have applied a directory change). */
const INDEX_MAX_AGE_MS = 5_000;

/** This process's spatial index of the live grids, rebuilt when the directory changed here or when it is old. */
@Injectable()
export class GridIndex {
  private index?: { index: SpatialIndex<Area>; builtAt: number };

  constructor(private readonly clock: Clock) {}

  /** The directory changed in this process: the next lookup rebuilds the index. */
  changed(): void {
    this.index = undefined;
  }

  /** The ids of the grids holding a point, among `grids` (the live ones, read just now). */
  holding(lat: number, lng: number, grids: readonly Grid[]): Set<string> {
    const now = this.clock.now().getTime();
    if (!this.index || now - this.index.builtAt > INDEX_MAX_AGE_MS) {
      this.index = { index: new SpatialIndex(grids.map((grid) => ({ id: grid.id, polygon: grid.polygon as Area['polygon'] }))), builtAt: now };
    }
    return new Set(this.index.index.findAll(lat, lng).map((grid) => grid.id));
  }
}
