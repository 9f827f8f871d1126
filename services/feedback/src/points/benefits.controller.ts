import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { BENEFIT_DECISIONS, BENEFIT_KINDS, BenefitDecision, BenefitKind } from '@grievance/contracts';
import { correlationIdForNewWork } from '@grievance/platform';
import { BenefitApplication, BenefitState } from './benefits.repository';
import { ListBenefitApplications } from './list-benefit-applications.use-case';
import { ApplyForBenefit } from './apply-for-benefit.use-case';
import { DecideBenefit } from './decide-benefit.use-case';

const BENEFIT_STATES: readonly BenefitState[] = ['pending', 'approved', 'refused'];

export class ApplyForBenefitDto {
  @ApiProperty({ enum: BENEFIT_KINDS, description: 'school 入学, medical 入医, job 入职, childcare 入托, network 入网' })
  @IsIn(BENEFIT_KINDS)
  kind!: BenefitKind;

  @ApiPropertyOptional({ maxLength: 1000, description: 'what the worker asks for (the school, the clinic, …)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DecideBenefitDto {
  @ApiProperty({ enum: BENEFIT_DECISIONS })
  @IsIn(BENEFIT_DECISIONS)
  decision!: BenefitDecision;

  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'why, told to the worker' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class BenefitsQuery {
  @ApiPropertyOptional({ enum: BENEFIT_STATES, default: 'pending' })
  @IsOptional()
  @IsIn(BENEFIT_STATES)
  state?: BenefitState;
}

export class BenefitApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() workerId!: string;
  @ApiProperty({ enum: BENEFIT_KINDS }) kind!: BenefitKind;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ description: 'the industry committee that decides' }) committeeId!: string;
  @ApiProperty({ description: 'the balance when the worker applied (applying spends nothing)' }) balance!: number;
  @ApiProperty({ enum: BENEFIT_STATES }) state!: BenefitState;
  @ApiPropertyOptional() decisionReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const benefitView = (a: BenefitApplication): BenefitApplicationView => ({
  id: a.id,
  workerId: a.workerId,
  kind: a.kind,
  ...(a.note ? { note: a.note } : {}),
  committeeId: a.committeeId,
  balance: a.balance,
  state: a.state,
  ...(a.decisionReason ? { decisionReason: a.decisionReason } : {}),
  ...(a.decidedAt ? { decidedAt: a.decidedAt.toISOString() } : {}),
  createdAt: a.createdAt.toISOString(),
});

/**
 * 五入积分法: workers over the points threshold apply for a public-service benefit; the
 * industry committee that owns them (routing's registration) approves or refuses it.
 */
@ApiTags('benefits')
@ApiBearerAuth()
@Controller('v1')
export class BenefitsController {
  constructor(
    private readonly listBenefitApplications: ListBenefitApplications,
    private readonly apply: ApplyForBenefit,
    private readonly decide: DecideBenefit,
  ) {}

  /** The caller applies for a benefit (入学, 入医, 入职, 入托, 入网); their balance must reach BENEFITS_POINTS_THRESHOLD. */
  @Post('points/benefits')
  @HttpCode(201)
  @Roles('worker')
  @ApiCreatedResponse({ type: BenefitApplicationView })
  @ApiUnprocessableEntityResponse({ description: 'details.reason belowThreshold (details.threshold, details.balance) or notRegistered' })
  @ApiConflictResponse({ description: 'an application of this kind is already pending' })
  async applyForBenefit(@Body() body: ApplyForBenefitDto, @CurrentPrincipal() principal: Principal): Promise<BenefitApplicationView> {
    return benefitView(await this.apply.execute({ workerId: principal.sub, kind: body.kind, note: body.note, correlationId: correlationIdForNewWork() }));
  }

  /** The applications of the caller's industry committee in one state (default pending), oldest first. */
  @Get('benefits')
  @Roles('industry_committee')
  @ApiOkResponse({ type: [BenefitApplicationView] })
  async list(@Query() query: BenefitsQuery, @CurrentPrincipal() principal: Principal): Promise<BenefitApplicationView[]> {
    return (await this.listBenefitApplications.execute({ committeeId: principal.orgUnitId!, state: query.state ?? 'pending' })).map(benefitView);
  }

  /** The committee approves or refuses an application, with a reason (told to the worker); once. Another committee's: 404. */
  @Post('benefits/:id/decide')
  @HttpCode(200)
  @Roles('industry_committee')
  @ApiOkResponse({ type: BenefitApplicationView })
  @ApiConflictResponse({ description: 'already decided' })
  async decideBenefit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideBenefitDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BenefitApplicationView> {
    return benefitView(
      await this.decide.execute({
        committeeId: principal.orgUnitId!,
        officerId: principal.sub,
        applicationId: id,
        decision: body.decision,
        reason: body.reason,
        correlationId: correlationIdForNewWork(),
      }),
    );
  }
}
