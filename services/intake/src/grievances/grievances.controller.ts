import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@grievance/auth';
import { matchLanguage, negotiateLanguage } from '@grievance/i18n';
import { DomainError, RateLimit, RateLimitGuard } from '@grievance/platform';
import { ListCategories } from '../categories/list-categories.use-case';
import { GetGrievance } from './get-grievance.use-case';
import { CategoryView, GrievancePageView, GrievanceView, SubmissionAnswerView } from './grievance-view.dto';
import { ListGrievancesQuery } from './grievance-views';
import { ListGrievances } from './list-grievances.use-case';
import { IDEMPOTENCY_KEY_PATTERN, SubmitGrievanceDto } from './submit-grievance.dto';
import { SubmitGrievance } from './submit-grievance.use-case';
import { ReplyToHolder } from './reply-to-holder.use-case';
import { IsString, Matches, MaxLength } from 'class-validator';

/** The reporter's answer to what the holder asked. */
class ReplyDto {
  @IsString()
  @Matches(/\S/, { message: 'message must not be empty' })
  @MaxLength(5000)
  message!: string;
}

@Controller('v1')
@UseGuards(RateLimitGuard)
@RateLimit('read')
export class GrievancesController {
  constructor(
    private readonly submit: SubmitGrievance,
    private readonly getGrievance: GetGrievance,
    private readonly listGrievances: ListGrievances,
    private readonly categories: ListCategories,
    private readonly reply: ReplyToHolder,
  ) {}

  @Post('grievances')
  @HttpCode(201)
  @Roles('worker')
  @RateLimit('submit')
  @ApiCreatedResponse({ type: SubmissionAnswerView })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitGrievanceDto,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<SubmissionAnswerView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.invalid('Idempotency-Key must be 1 to 128 letters, digits, dots, dashes, underscores or colons', undefined, { key: 'error.grievance.idempotencyKey' });
    }
    // The language travels with the submission, so notifications reach an unregistered reporter in it.
    const { answer } = await this.submit.execute({ reporterId: principal.sub, language: matchLanguage(acceptLanguage), idempotencyKey, body });
    return answer;
  }

  /** The caller's own grievances, newest first; a duplicate shows the status of the original it was joined to. */
  @Get('grievances')
  @Roles('worker')
  @ApiOkResponse({ type: GrievancePageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListGrievancesQuery) {
    return this.listGrievances.execute(principal.sub, query);
  }

  /**
   * The grievance with its history, each line in the caller's language (Accept-Language; Chinese
   * by default), and its latest resolution with the fix photos. A duplicate's reporter follows
   * the original it was joined to: its status, holder, resolution and history.
   */
  @Get('grievances/:id')
  @ApiOkResponse({ type: GrievanceView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Headers('accept-language') acceptLanguage?: string) {
    return this.getGrievance.execute({ principal, grievanceId: id, language: negotiateLanguage(acceptLanguage) });
  }

  /** The reporter answers the holder's question; the holder's clock, stopped while it waited, runs again. */
  @Post('grievances/:id/reply')
  @HttpCode(202)
  @Roles('worker')
  @RateLimit('submit')
  answer(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReplyDto) {
    return this.reply.execute({ grievanceId: id, reporterId: principal.sub, message: body.message.trim() });
  }

  @Get('categories')
  @ApiOkResponse({ type: [CategoryView] })
  listCategories(): CategoryView[] {
    return this.categories.execute();
  }
}
