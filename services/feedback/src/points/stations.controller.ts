import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { STATION_ID_PATTERN } from '@grievance/contracts';
import { correlationIdForNewWork, DomainError } from '@grievance/platform';
import { AwardVolunteering, VolunteeringAward } from './award-volunteering.use-case';
import { AddCatalogueItem } from './add-catalogue-item.use-case';
import { HandOverRedemption } from './hand-over-redemption.use-case';
import {
  CatalogueItemChangeDto,
  CatalogueItemView,
  CatalogueView,
  IDEMPOTENCY_KEY_PATTERN,
  itemView,
  NewCatalogueItemDto,
  RedemptionsQuery,
  redemptionView,
  RedemptionView,
  VolunteeringDto,
} from './points.dto';
import { ListCatalogue } from './list-catalogue.use-case';
import { ListStationRedemptions } from './list-station-redemptions.use-case';
import { UpdateCatalogueItem } from './update-catalogue-item.use-case';

export class VolunteeringAwardView implements VolunteeringAward {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty() points!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() stationId!: string;
  @ApiProperty({ description: "what is left of the worker's daily cap after this award" }) remainingToday!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** The station staff's own station, from their token's stationId claim. */
const ownStation = (principal: Principal): string => principal.stationId!;

/**
 * Stations (驿站) and points (五入积分法): a station's catalogue of prizes and small wishes
 * (微心愿) for workers to read; its staff keep the catalogue, hand redeemed items over and
 * award volunteering points, always at their own station (`me`, from the stationId claim).
 */
@ApiTags('stations')
@ApiBearerAuth()
@Controller('v1/stations')
export class StationsController {
  constructor(
    private readonly listCatalogue: ListCatalogue,
    private readonly listStationRedemptions: ListStationRedemptions,
    private readonly addCatalogueItem: AddCatalogueItem,
    private readonly updateCatalogueItem: UpdateCatalogueItem,
    private readonly handOver: HandOverRedemption,
    private readonly volunteering: AwardVolunteering,
  ) {}

  /** A station's catalogue, in the order its staff added the items; `me` is the staff's own station. An unknown station has none. */
  @Get(':id/catalogue')
  @Roles('worker', 'station_staff')
  @ApiOkResponse({ type: CatalogueView })
  async catalogueOf(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CatalogueView> {
    const stationId = id === 'me' && principal.role === 'station_staff' ? ownStation(principal) : id;
    if (!STATION_ID_PATTERN.test(stationId)) throw DomainError.notFound('station', stationId);
    const items = await this.listCatalogue.execute(stationId);
    return { stationId, items: items.map(itemView) };
  }

  /** Adds an item (a prize or a small wish, 微心愿) to the caller's station's catalogue. */
  @Post('me/catalogue')
  @HttpCode(201)
  @Roles('station_staff')
  @ApiCreatedResponse({ type: CatalogueItemView })
  async addItem(@Body() body: NewCatalogueItemDto, @CurrentPrincipal() principal: Principal): Promise<CatalogueItemView> {
    return itemView(await this.addCatalogueItem.execute({ stationId: ownStation(principal), staffId: principal.sub, ...body }));
  }

  /** Changes an item of the caller's station (name, kind, cost, stock); another station's item is 404. */
  @Put('me/catalogue/:itemId')
  @Roles('station_staff')
  @ApiOkResponse({ type: CatalogueItemView })
  async updateItem(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body() body: CatalogueItemChangeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CatalogueItemView> {
    return itemView(await this.updateCatalogueItem.execute({ stationId: ownStation(principal), staffId: principal.sub, itemId, change: body }));
  }

  /** The caller's station's redemptions in one state (default: still to hand over), oldest first. */
  @Get('me/redemptions')
  @Roles('station_staff')
  @ApiOkResponse({ type: [RedemptionView] })
  async redemptions(@Query() query: RedemptionsQuery, @CurrentPrincipal() principal: Principal): Promise<RedemptionView[]> {
    return (await this.listStationRedemptions.execute({ stationId: ownStation(principal), state: query.state ?? 'awaiting_hand_over' })).map(redemptionView);
  }

  /** The staff confirm they handed the redeemed item over (once); another station's redemption is 404. */
  @Post('me/redemptions/:id/hand-over')
  @HttpCode(200)
  @Roles('station_staff')
  @ApiOkResponse({ type: RedemptionView })
  @ApiConflictResponse({ description: 'already handed over' })
  async handOverRedemption(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<RedemptionView> {
    return redemptionView(
      await this.handOver.execute({ stationId: ownStation(principal), staffId: principal.sub, redemptionId: id, correlationId: correlationIdForNewWork() }),
    );
  }

  /** The staff award a worker points for volunteering, with a reason, within the worker's daily cap (422 past it). */
  @Post('me/volunteering')
  @HttpCode(201)
  @Roles('station_staff')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '1 to 128 letters, digits, dots, dashes, underscores or colons; the same key again at this station answers the same award and pays nothing more',
  })
  @ApiCreatedResponse({ type: VolunteeringAwardView })
  @ApiUnprocessableEntityResponse({ description: 'past the daily cap (details.cap, details.remaining), or the Idempotency-Key was used for another award; nothing written' })
  award(
    @Body() body: VolunteeringDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<VolunteeringAward> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.invalid('Idempotency-Key must be 1 to 128 letters, digits, dots, dashes, underscores or colons', undefined, {
        key: 'error.points.awardIdempotencyKey',
      });
    }
    return this.volunteering.execute({
      stationId: ownStation(principal),
      staffId: principal.sub,
      workerId: body.workerId.trim(),
      points: body.points,
      reason: body.reason,
      idempotencyKey,
      correlationId: correlationIdForNewWork(),
    });
  }
}
