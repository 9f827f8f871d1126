import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { MAX_RETURN_ATTACHMENTS } from '@grievance/contracts';
import { negotiateLanguage } from '@grievance/i18n';
import { DEPARTMENT_CODE } from '../directory/directory-admin.dto';
import { CHAIN_ROLES } from '../escalation/chain-rules';
import { RungActions } from '../escalation/rung-actions.use-cases';
import { MatterDeadlines } from '../deadlines/matter-deadlines';
import { DepartmentMoves } from './department-moves.use-cases';
import { DepartmentActions, INBOX_LIMIT, matterView, withDeadlines } from './department-actions.use-cases';
import { InboxView, MatterView } from './matter-view';

class ResolveMatterDto {
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
 * The matters routing holds, as their holders work them: a department (accept 接单,
 * resolve 办结, return 退单, transfer 转办) and the rungs of the escalation chain (acknowledge, resolve, escalate,
 * return 退单, ask a department to act). Each caller sees and acts on only what it holds.
 */
@ApiTags('matters')
@ApiBearerAuth()
@Controller('v1')
export class MattersController {
  constructor(
    private readonly department: DepartmentActions,
    private readonly rung: RungActions,
    private readonly moves: DepartmentMoves,
    private readonly deadlines: MatterDeadlines,
  ) {}

  /**
   * What the caller's department or rung holds now, oldest first, with the time left on each
   * deadline and, once it warned or broke, a notice in the Accept-Language (Chinese by default).
   */
  @Get('inbox')
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: InboxView })
  async inbox(@CurrentPrincipal() principal: Principal, @Headers('accept-language') acceptLanguage?: string): Promise<InboxView> {
    const language = negotiateLanguage(acceptLanguage);
    if (isRung(principal)) return { items: await withDeadlines(await this.rung.inbox(principal, INBOX_LIMIT), this.deadlines, language) };
    return { items: await this.department.inbox(principal, language) };
  }

  /** 接单: the department takes the matter it was assigned. */
  @Post('matters/:id/accept')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: MatterView })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MatterView> {
    return this.department.accept(principal, id);
  }

  /** 办结: the holder says the matter is dealt with. */
  @Post('matters/:id/resolve')
  @HttpCode(200)
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveMatterDto): Promise<MatterView> {
    if (isRung(principal)) return matterView(await this.rung.resolve(principal, id, body.resolution.trim(), body.attachmentIds ?? []));
    return this.department.resolve(principal, id, body.resolution.trim(), body.attachmentIds ?? []);
  }

  /** The rung has seen the appeal and answers the worker. */
  @Post('matters/:id/acknowledge')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MatterView> {
    return matterView(await this.rung.acknowledge(principal, id));
  }

  /** Passes the appeal up to the next rung, with a reason. */
  @Post('matters/:id/escalate')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async escalate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto): Promise<MatterView> {
    return matterView(await this.rung.escalate(principal, id, body.reason.trim()));
  }

  /**
   * 退单, with a reason and evidence: a rung hands the appeal back to the rung below; a
   * department returns a hazard that is not its own and routing re-routes it.
   */
  @Post('matters/:id/return')
  @HttpCode(200)
  @Roles('department', ...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async returnMatter(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnDto): Promise<MatterView> {
    const attachmentIds = body.attachmentIds ?? [];
    if (isRung(principal)) return matterView(await this.rung.returnDown(principal, id, body.reason.trim(), attachmentIds));
    return this.moves.returnMatter(principal, id, body.reason.trim(), attachmentIds);
  }

  /** 转办: the department hands a hazard straight to the department that must act. */
  @Post('matters/:id/transfer')
  @HttpCode(200)
  @Roles('department')
  @ApiOkResponse({ type: MatterView })
  transfer(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferDto): Promise<MatterView> {
    return this.moves.transfer(principal, id, body.departmentCode, body.reason.trim());
  }

  /** Asks the reporter something; the rung's deadlines stop until the reporter replies (POST /v1/grievances/:id/reply on intake). */
  @Post('matters/:id/ask-reporter')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async askReporter(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: QuestionDto): Promise<MatterView> {
    return matterView(await this.rung.askReporter(principal, id, body.question.trim()));
  }

  /** The rung took the reporter's answer another way and starts its clocks again. */
  @Post('matters/:id/resume')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async resume(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnswerDto): Promise<MatterView> {
    return matterView(await this.rung.resumeWithAnswer(principal, id, body.answer.trim()));
  }

  /** Asks a department to act; the rung stays the owner until the department answers. */
  @Post('matters/:id/assign-department')
  @HttpCode(200)
  @Roles(...CHAIN_ROLES)
  @ApiOkResponse({ type: MatterView })
  async assignDepartment(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignDepartmentDto): Promise<MatterView> {
    return matterView(await this.rung.assignDepartment(principal, id, body.departmentCode, body.note?.trim() ?? ''));
  }
}
