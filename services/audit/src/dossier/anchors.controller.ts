import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '@grievance/auth';
import { AnchorVerification, verifyAnchoredState } from './anchor-verification';
import { AnchorRow, DossierRepository } from './dossier.repository';
import { TakeAnchor } from './take-anchor.use-case';

export class ListAnchorsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

@ApiTags('anchors')
@ApiBearerAuth()
@Roles('auditor')
@Controller('v1/anchors')
export class AnchorsController {
  constructor(
    private readonly dossier: DossierRepository,
    private readonly takeAnchor: TakeAnchor,
  ) {}

  /** The latest anchors, newest first. */
  @Get()
  async list(@Query() query: ListAnchorsQuery): Promise<{ items: AnchorRow[] }> {
    return { items: await this.dossier.listAnchors(query.limit ?? 50) };
  }

  /** Checks the anchors' own chain, the latest root, and that every matter an anchor saw is still whole. */
  @Get('verify')
  async verify(): Promise<AnchorVerification> {
    return verifyAnchoredState(await this.dossier.anchoredState());
  }

  /** Takes an anchor now (adds a witness; changes nothing recorded). */
  @Post()
  @HttpCode(201)
  async take(): Promise<AnchorRow> {
    const anchor = await this.takeAnchor.execute('on_demand');
    // An on-demand anchor is always taken.
    return anchor!;
  }
}
