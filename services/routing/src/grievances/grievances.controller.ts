import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { MAX_RETURN_ATTACHMENTS } from '@grievance/contracts';
import { negotiateLanguage } from '@grievance/i18n';
import { DEPARTMENT_CODE } from '../directory/directory-admin.dto';
import { CHAIN_ROLES } from '../escalation/chain-rules';
import { RungActions } from '../escalation/rung-actions.use-cases';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { DepartmentMoves } from './department-moves.use-cases';
import { DepartmentActions, INBOX_LIMIT, grievanceView, withDeadlines } from './department-actions.use-cases';
import { InboxView, GrievanceView } from './grievance-view';

class ResolveGrievanceDto {
  @IsString()
  @Matches(/\S/, { message: 'resolution must not be empty' })
  @MaxLength(5000)
  resolution!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

/** Escalating or returning (退单) needs a reason the next rung and the auditors can read. */
class ReasonDto {
  @IsString()
  @Matches(/\S/, { message: 'reason must not be empty' })
  @MaxLength(2000)
  reason!: string;
}

/** A return (退单) may carry evidence: ids of attachments already stored (a photo of the site, a document). */
class ReturnDto extends ReasonDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RETURN_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

/** 转办: the department that must act instead, and why. */
class TransferDto extends ReasonDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code (lower-case letters, digits, underscores)' })
  departmentCode!: string;
}

class QuestionDto {
  @IsString()
  @Matches(/\S/, { message: 'question must not be empty' })
  @MaxLength(2000)
  question!: string;
}

class AnswerDto {
  @IsString()
  @Matches(/\S/, { message: 'answer must not be empty' })
  @MaxLength(5000)
  answer!: string;
}

class AssignDepartmentDto {
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code (lower-case letters, digits, underscores)' })
  departmentCode!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

const isRung = (principal: Principal) => (CHAIN_ROLES as readonly string[]).includes(principal.role);

/**
 * The grievances routing holds, as their holders work them: a department (accept 接单,
 * resolve 办结, return 退单, transfer 转办) and the rungs of the escalation chain (acknowledge, resolve, escalate,
 * return 退单, ask a department to act). Each caller sees and acts on only what it holds.
 */
@ApiTags('matters')
@ApiBearerAuth()
@Controller('v1')
export class GrievancesController {
  constructor(
    private readonly department: DepartmentActions,
    private readonly rung: RungActions,
    private readonly moves: DepartmentMoves,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  /**
   * What the caller's department or rung holds now, oldest first, with the time left on each
   * deadline and, once it warned or broke, a notice in the Accept-Language (Chinese by default).
   */
  @ApiOperation({ operationId: 'MattersController_inbox' }) // the published operation id
  @Get('inbox')
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: InboxView })
  async inbox(@CurrentPrincipal() principal: Principal, @Headers('accept-language') acceptLanguage?: string): Promise<InboxView> {
    const language = negotiateLanguage(acceptLanguage);
    if (isRung(principal)) return { items: await withDeadlines(await this.rung.inbox(principal, INBOX_LIMIT), this.deadlines, language) };
    return { items: await this.department.inbox(principal, language) };
  }

  /** 接单: the department takes the grievance it was assigned. */
  @ApiOperation({ operationId: 'MattersController_accept' }) // the published operation id
  @Post('matters/:id/accept')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: GrievanceView })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<GrievanceView> {
    return this.department.accept(principal, id);
  }

  /** 办结: the holder says the grievance is dealt with. */
  @ApiOperation({ operationId: 'MattersController_resolve' }) // the published operation id
  @Post('matters/:id/resolve')
  @HttpCode(200)
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveGrievanceDto): Promise<GrievanceView> {
    if (isRung(principal)) return grievanceView(await this.rung.resolve(principal, id, body.resolution.trim(), body.attachmentIds ?? []));
    return this.department.resolve(principal, id, body.resolution.trim(), body.attachmentIds ?? []);
  }

  /** The rung has seen the appeal and answers the worker. */
  @ApiOperation({ operationId: 'MattersController_acknowledge' }) // the published operation id
  @Post('matters/:id/acknowledge')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<GrievanceView> {
    return grievanceView(await this.rung.acknowledge(principal, id));
  }

  /** Passes the appeal up to the next rung, with a reason. */
  @ApiOperation({ operationId: 'MattersController_escalate' }) // the published operation id
  @Post('matters/:id/escalate')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async escalate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto): Promise<GrievanceView> {
    return grievanceView(await this.rung.escalate(principal, id, body.reason.trim()));
  }

  /**
   * 退单, with a reason and evidence: a rung hands the appeal back to the rung below; a
   * department returns a hazard that is not its own and routing re-routes it.
   */
  @ApiOperation({ operationId: 'MattersController_returnMatter' }) // the published operation id
  @Post('matters/:id/return')
  @HttpCode(200)
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async returnGrievance(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnDto): Promise<GrievanceView> {
    const attachmentIds = body.attachmentIds ?? [];
    if (isRung(principal)) return grievanceView(await this.rung.returnDown(principal, id, body.reason.trim(), attachmentIds));
    return this.moves.returnGrievance(principal, id, body.reason.trim(), attachmentIds);
  }

  /** 转办: the department hands a hazard straight to the department that must act. */
  @ApiOperation({ operationId: 'MattersController_transfer' }) // the published operation id
  @Post('matters/:id/transfer')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: GrievanceView })
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferDto): Promise<GrievanceView> {
    return this.moves.transfer(principal, id, body.departmentCode, body.reason.trim());
  }

  /** Asks the reporter something; the rung's deadlines stop until the reporter replies (POST /v1/grievances/:id/reply on intake). */
  @ApiOperation({ operationId: 'MattersController_askReporter' }) // the published operation id
  @Post('matters/:id/ask-reporter')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async askReporter(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: QuestionDto): Promise<GrievanceView> {
    return grievanceView(await this.rung.askReporter(principal, id, body.question.trim()));
  }

  /** The rung took the reporter's answer another way and starts its clocks again. */
  @ApiOperation({ operationId: 'MattersController_resume' }) // the published operation id
  @Post('matters/:id/resume')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async resume(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerDto): Promise<GrievanceView> {
    return grievanceView(await this.rung.resumeWithAnswer(principal, id, body.answer.trim()));
  }

  /** Asks a department to act; the rung stays the owner until the department answers. */
  @ApiOperation({ operationId: 'MattersController_assignDepartment' }) // the published operation id
  @Post('matters/:id/assign-department')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  async assignDepartment(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignDepartmentDto): Promise<GrievanceView> {
    return grievanceView(await this.rung.assignDepartment(principal, id, body.departmentCode, body.note?.trim() ?? ''));
  }
}
