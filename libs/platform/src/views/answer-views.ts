import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOLDER_TYPES, HolderType, Level, LEVELS } from '@grievance/contracts';

// Shapes several services answer alike, described once for their OpenAPI documents.

/** Where a grievance is: a point (WGS-84) and the address the reporter gave, if any. */
export class LocationView {
  @ApiProperty()
  lat!: number;

  @ApiProperty()
  lng!: number;

  @ApiPropertyOptional()
  address?: string;
}

/** Who must act on a grievance now. A department's id is its code. */
export class HolderView {
  @ApiProperty({ enum: HOLDER_TYPES })
  type!: HolderType;

  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ enum: LEVELS, description: 'the rung of the escalation chain, when the holder is one' })
  level?: Level;
}

/** A GeoJSON polygon (WGS-84, [lng, lat]): a grid's boundary, a district's when drawn. */
export class PolygonView {
  @ApiProperty({ enum: ['Polygon'] })
  type!: 'Polygon';

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'array', items: { type: 'number' } } }, description: 'the rings, each a list of [lng, lat]' })
  coordinates!: number[][][];
}
