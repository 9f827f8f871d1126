import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { pointsAccountId } from '@grievance/contracts';
import { correlationIdForNewWork, DomainError } from '@grievance/platform';
import { BenefitApplicationView, benefitView } from './benefits.controller';
import { GetPointsAccount } from './get-points-account.use-case';
import { IDEMPOTENCY_KEY_PATTERN, RedeemDto, redemptionView, RedemptionView } from './points.dto';
import { RedeemItem } from './redeem-item.use-case';

export class PointsEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'positive when earned, negative when spent' }) points!: number;
  @ApiProperty({ description: 'verified_report, verified_co_report, volunteering or redemption' }) reason!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the grievance a verified report earned it for' }) grievanceId?: string;
  @ApiPropertyOptional({ description: 'the station of a volunteering award or a redemption' }) stationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) redemptionId?: string;
  @ApiPropertyOptional({ description: "what a volunteer did, in the station staff's words" }) note?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class PointsView {
  /** The sum of the entries, computed on every read (the ledger stores no balance). */
  @ApiProperty() balance!: number;
  /** The worker's points account: the audit chain of their movements that belong to no grievance (GET /v1/trace/:accountId). */
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: [PointsEntryView] }) entries!: PointsEntryView[];
  /** What the worker redeemed, newest first, each with its state (awaiting_hand_over, handed_over). */
  @ApiProperty({ type: [RedemptionView] }) redemptions!: RedemptionView[];
  /** The worker's benefit applications (五入), newest first, each with its state and the committee's reason. */
  @ApiProperty({ type: [BenefitApplicationView] }) benefits!: BenefitApplicationView[];
}

@ApiTags('points')
@ApiBearerAuth()
@Controller('v1/points')
export class PointsController {
  constructor(
    private readonly getPointsAccount: GetPointsAccount,
    private readonly redeem: RedeemItem,
  ) {}

  /** The caller's balance, ledger entries (newest first), redemptions and benefit applications with their state. */
  @Get('me')
  @Roles('worker')
  @ApiOkResponse({ type: PointsView })
  async mine(@CurrentPrincipal() principal: Principal): Promise<PointsView> {
    const { balance, entries, redemptions, benefits } = await this.getPointsAccount.execute(principal.sub);
    return {
      balance,
      accountId: pointsAccountId(principal.sub),
      entries: entries.map((e) => ({
        id: e.id,
        points: e.points,
        reason: e.reason,
        ...(e.grievanceId ? { grievanceId: e.grievanceId } : {}),
        ...(e.stationId ? { stationId: e.stationId } : {}),
        ...(e.redemptionId ? { redemptionId: e.redemptionId } : {}),
        ...(e.note ? { note: e.note } : {}),
        createdAt: new Date(e.createdAt).toISOString(),
      })),
      redemptions: redemptions.map(redemptionView),
      benefits: benefits.map(benefitView),
    };
  }

  /**
   * The caller spends points on an item of a station's catalogue (兑换), with an
   * Idempotency-Key: the same key again answers the same redemption and spends nothing more.
   * 409 with `details.reason` insufficientPoints (more than the balance) or outOfStock.
   */
  @Post('redemptions')
  @HttpCode(201)
  @Roles('worker')
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '1 to 128 letters, digits, dots, dashes, underscores or colons' })
  @ApiCreatedResponse({ type: RedemptionView })
  @ApiConflictResponse({ description: 'details.reason: insufficientPoints or outOfStock; nothing written' })
  async redeemItem(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RedeemDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<RedemptionView> {
    if (idempotencyKey === undefined || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.invalid('Idempotency-Key must be 1 to 128 letters, digits, dots, dashes, underscores or colons', undefined, { key: 'error.points.idempotencyKey' });
    }
    const redemption = await this.redeem.execute({
      workerId: principal.sub,
      stationId: body.stationId,
      itemId: body.itemId,
      idempotencyKey,
      correlationId: correlationIdForNewWork(),
    });
    return redemptionView(redemption);
  }
}
