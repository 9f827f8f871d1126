import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { DepartmentActions, MatterView } from './department-actions.use-cases';

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

@ApiTags('matters')
@ApiBearerAuth()
@Controller('v1')
export class MattersController {
  constructor(private readonly actions: DepartmentActions) {}

  /** The matters the caller's department holds now (assigned or accepted), oldest first. */
  @Get('inbox')
  @Roles('department')
  async inbox(@CurrentPrincipal() principal: Principal): Promise<{ items: MatterView[] }> {
    return { items: await this.actions.inbox(principal) };
  }

  /** 接单: the department takes the matter it was assigned. */
  @Post('matters/:id/accept')
  @HttpCode(200)
  @Roles('department')
  accept(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MatterView> {
    return this.actions.accept(principal, id);
  }

  /** 办结: the department says the matter is dealt with. */
  @Post('matters/:id/resolve')
  @HttpCode(200)
  @Roles('department')
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResolveMatterDto,
  ): Promise<MatterView> {
    return this.actions.resolve(principal, id, body.resolution.trim(), body.attachmentIds ?? []);
  }
}
