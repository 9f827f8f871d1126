import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATALOGUE_ITEM_KINDS, CatalogueItemKind, STATION_ID_PATTERN } from '@grievance/contracts';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CatalogueItem, Redemption, RedemptionState } from './points.repository';

/** What an Idempotency-Key may hold (as intake's). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const MAX_COST = 100_000;
export const MAX_STOCK = 100_000;

export class NewCatalogueItemDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: '雨衣 raincoat' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: CATALOGUE_ITEM_KINDS, description: 'prize, or wish (微心愿)' })
  @IsIn(CATALOGUE_ITEM_KINDS)
  kind!: CatalogueItemKind;

  @ApiProperty({ minimum: 1, maximum: MAX_COST, description: 'points' })
  @IsInt()
  @Min(1)
  @Max(MAX_COST)
  cost!: number;

  @ApiProperty({ minimum: 0, maximum: MAX_STOCK })
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock!: number;
}

export class CatalogueItemChangeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ enum: CATALOGUE_ITEM_KINDS })
  @IsOptional()
  @IsIn(CATALOGUE_ITEM_KINDS)
  kind?: CatalogueItemKind;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_COST })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_COST)
  cost?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_STOCK })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number;
}

export class CatalogueItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() stationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CATALOGUE_ITEM_KINDS }) kind!: CatalogueItemKind;
  @ApiProperty() cost!: number;
  @ApiProperty() stock!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CatalogueView {
  @ApiProperty() stationId!: string;
  @ApiProperty({ type: [CatalogueItemView] }) items!: CatalogueItemView[];
}

export const itemView = (item: CatalogueItem): CatalogueItemView => ({
  id: item.id,
  stationId: item.stationId,
  name: item.name,
  kind: item.kind,
  cost: item.cost,
  stock: item.stock,
  updatedAt: item.updatedAt.toISOString(),
});

export class RedeemDto {
  @ApiProperty({ example: 'st-xiangyun-yuhua' })
  @IsString()
  @Matches(STATION_ID_PATTERN, { message: 'stationId must be a station id (lower-case letters, digits, dashes)' })
  stationId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  itemId!: string;
}

const REDEMPTION_STATES: readonly RedemptionState[] = ['awaiting_hand_over', 'handed_over'];

export class RedemptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() stationId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() itemName!: string;
  @ApiProperty({ enum: CATALOGUE_ITEM_KINDS }) kind!: CatalogueItemKind;
  @ApiProperty({ description: 'points spent' }) cost!: number;
  @ApiProperty({ description: "the worker's balance right after the debit" }) balanceAfter!: number;
  @ApiProperty({ enum: REDEMPTION_STATES }) state!: RedemptionState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) handedOverAt?: string;
}

export const redemptionView = (r: Redemption): RedemptionView => ({
  id: r.id,
  workerId: r.workerId,
  stationId: r.stationId,
  itemId: r.itemId,
  itemName: r.itemName,
  kind: r.kind,
  cost: r.cost,
  balanceAfter: r.balanceAfter,
  state: r.state,
  createdAt: r.createdAt.toISOString(),
  ...(r.handedOverAt ? { handedOverAt: r.handedOverAt.toISOString() } : {}),
});

export class RedemptionsQuery {
  @ApiPropertyOptional({ enum: REDEMPTION_STATES, default: 'awaiting_hand_over' })
  @IsOptional()
  @IsIn(REDEMPTION_STATES)
  state?: RedemptionState;
}

export class VolunteeringDto {
  @ApiProperty({ description: "the worker's id (the sub of their token)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @ApiProperty({ minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  points!: number;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'what the worker did (e.g. 协助驿站整理物资)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
