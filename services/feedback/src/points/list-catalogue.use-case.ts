import { Injectable } from '@nestjs/common';
import { CatalogueItem, PointsRepository } from './points.repository';

/** A station's catalogue, in the order its staff added the items; an unknown station has none. */
@Injectable()
export class ListCatalogue {
  constructor(private readonly points: PointsRepository) {}

  execute(stationId: string): Promise<CatalogueItem[]> {
    return this.points.catalogueOf(stationId);
  }
}
