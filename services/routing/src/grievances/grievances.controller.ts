import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { MAX_RETURN_ATTACHMENTS } from '@grievance/contracts';
import { negotiateLanguage } from '@grievance/i18n';
import { DEPARTMENT_CODE } from '../directory/directory-admin.dto';
import { CHAIN_ROLES } from '../escalation/chain-rules';
import { AcknowledgeGrievance } from '../escalation/acknowledge-grievance.use-case';
import { AskDepartment } from '../escalation/ask-department.use-case';
import { AskReporter } from '../escalation/ask-reporter.use-case';
import { EscalateGrievance } from '../escalation/escalate-grievance.use-case';
import { ResumeGrievance } from '../escalation/resume-grievance.use-case';
import { AcceptGrievance } from './accept-grievance.use-case';
import { ListInbox } from './list-inbox.use-case';
import { ResolveGrievance } from './resolve-grievance.use-case';
import { ReturnGrievance } from './return-grievance.use-case';
import { TransferGrievance } from './transfer-grievance.use-case';
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
    private readonly listInbox: ListInbox,
    private readonly acceptGrievance: AcceptGrievance,
    private readonly resolveGrievance: ResolveGrievance,
    private readonly acknowledgeGrievance: AcknowledgeGrievance,
    private readonly escalateGrievance: EscalateGrievance,
    private readonly returning: ReturnGrievance,
    private readonly transferGrievance: TransferGrievance,
    private readonly askingReporter: AskReporter,
    private readonly resumeGrievance: ResumeGrievance,
    private readonly askDepartment: AskDepartment,
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
    return { items: await this.listInbox.execute(principal, negotiateLanguage(acceptLanguage)) };
  }

  /** 接单: the department takes the grievance it was assigned. */
  @ApiOperation({ operationId: 'MattersController_accept' }) // the published operation id
  @Post('matters/:id/accept')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: GrievanceView })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<GrievanceView> {
    return this.acceptGrievance.execute(principal, id);
  }

  /** 办结: the holder says the grievance is dealt with. */
  @ApiOperation({ operationId: 'MattersController_resolve' }) // the published operation id
  @Post('matters/:id/resolve')
  @HttpCode(200)
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  resolve(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveGrievanceDto): Promise<GrievanceView> {
    return this.resolveGrievance.execute(principal, id, body.resolution.trim(), body.attachmentIds ?? []);
  }

  /** The rung has seen the appeal and answers the worker. */
  @ApiOperation({ operationId: 'MattersController_acknowledge' }) // the published operation id
  @Post('matters/:id/acknowledge')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<GrievanceView> {
    return this.acknowledgeGrievance.execute(principal, id);
  }

  /** Passes the appeal up to the next rung, with a reason. */
  @ApiOperation({ operationId: 'MattersController_escalate' }) // the published operation id
  @Post('matters/:id/escalate')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  escalate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto): Promise<GrievanceView> {
    return this.escalateGrievance.execute(principal, id, body.reason.trim());
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
  returnGrievance(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnDto): Promise<GrievanceView> {
    return this.returning.execute(principal, id, body.reason.trim(), body.attachmentIds ?? []);
  }

  /** 转办: the department hands a hazard straight to the department that must act. */
  @ApiOperation({ operationId: 'MattersController_transfer' }) // the published operation id
  @Post('matters/:id/transfer')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: GrievanceView })
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferDto): Promise<GrievanceView> {
    return this.transferGrievance.execute(principal, id, body.departmentCode, body.reason.trim());
  }

  /** Asks the reporter something; the rung's deadlines stop until the reporter replies (POST /v1/grievances/:id/reply on intake). */
  @ApiOperation({ operationId: 'MattersController_askReporter' }) // the published operation id
  @Post('matters/:id/ask-reporter')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  askReporter(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: QuestionDto): Promise<GrievanceView> {
    return this.askingReporter.execute(principal, id, body.question.trim());
  }

  /** The rung took the reporter's answer another way and starts its clocks again. */
  @ApiOperation({ operationId: 'MattersController_resume' }) // the published operation id
  @Post('matters/:id/resume')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  resume(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerDto): Promise<GrievanceView> {
    return this.resumeGrievance.execute(principal, id, body.answer.trim());
  }

  /** Asks a department to act; the rung stays the owner until the department answers. */
  @ApiOperation({ operationId: 'MattersController_assignDepartment' }) // the published operation id
  @Post('matters/:id/assign-department')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: GrievanceView })
  assignDepartment(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignDepartmentDto): Promise<GrievanceView> {
    return this.askDepartment.execute(principal, id, body.departmentCode, body.note?.trim() ?? '');
  }
}
