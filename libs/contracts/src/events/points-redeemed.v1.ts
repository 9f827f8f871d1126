import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { STATION_ID_PATTERN } from './points-awarded.v1';

/** What a station offers for points: a prize, or a small wish (微心愿) it grants. */
export const CATALOGUE_ITEM_KINDS = ['prize', 'wish'] as const;
export type CatalogueItemKind = (typeof CATALOGUE_ITEM_KINDS)[number];

/**
 * points.redeemed.v1: a worker spent points on an item of a station's catalogue. The ledger
 * holds a negative entry (`points`, the item's cost negated); one item left the stock. It
 * travels with the worker's points account id (pointsAccountId).
 */
export class PointsRedeemedV1 {
  @IsUUID()
  redemptionId!: string;

  /** The ledger entry that debits the points. */
  @IsUUID()
  entryId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @Matches(STATION_ID_PATTERN)
  stationId!: string;

  @IsUUID()
  itemId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName!: string;

  @IsIn(CATALOGUE_ITEM_KINDS)
  kind!: CatalogueItemKind;

  /** The movement on the ledger: minus the item's cost. */
  @IsInt()
  points!: number;

  /** The worker's balance after the debit (never below zero). */
  @IsInt()
  @Min(0)
  balanceAfter!: number;
}

/**
 * points.handed-over.v1: the station's staff handed a redeemed item to the worker (or
 * granted the wish). No points move: the fact is that the prize left the station.
 */
export class PointsHandedOverV1 {
  @IsUUID()
  redemptionId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @Matches(STATION_ID_PATTERN)
  stationId!: string;

  @IsUUID()
  itemId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName!: string;

  @IsIn(CATALOGUE_ITEM_KINDS)
  kind!: CatalogueItemKind;

  /** The staff member who handed it over. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  handedOverBy!: string;
}
