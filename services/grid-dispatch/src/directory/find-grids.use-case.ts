import { ApiProperty } from '@nestjs/swagger';
import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@grievance/messaging';
import { PolygonView } from '@grievance/platform';
import { Grid, DirectoryRepository } from './directory.repository';
import { GridIndex } from './grid-index';

export class GridView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  communityId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  communityName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  streetId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  districtId!: string | null;

  @ApiProperty({ type: () => PolygonView })
  polygon!: PolygonView;
}

export interface FindGridsCommand {
  /** Only the grid(s) holding this point (usually one; none outside the city). */
  at?: { lat: number; lng: number };
}

/** Every live grid, or the ones holding a point. Retired grids are kept as history and not shown. */
@Injectable()
export class FindGrids {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly directory: DirectoryRepository,
    private readonly gridIndex: GridIndex,
  ) {}

  async execute({ at }: FindGridsCommand): Promise<GridView[]> {
    const grids = await this.unitOfWork.run(() => this.directory.liveGrids());
    if (!at) return grids.map(toGridView);
    const ids = this.gridIndex.holding(at.lat, at.lng, grids);
    return grids.filter((grid) => ids.has(grid.id)).map(toGridView);
  }
}

function toGridView(grid: Grid): GridView {
  return {
    id: grid.id,
    name: grid.name,
    communityId: grid.communityId,
    communityName: grid.communityName,
    streetId: grid.streetId,
    districtId: grid.districtId,
    polygon: grid.polygon,
  };
}
