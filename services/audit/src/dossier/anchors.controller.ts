import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { LimitParam } from '../shared/limit.query';
import { AnchorVerification, verifyAnchoredState } from './anchor-verification';
import { AnchorRow, DossierRepository } from './dossier.repository';
import { TakeAnchor } from './take-anchor.use-case';

export class ListAnchorsQuery {
  @LimitParam(1000, 50)
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

  /** Checks the anchors' own chain, the latest root, and that every grievance an anchor saw is still whole. */
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
