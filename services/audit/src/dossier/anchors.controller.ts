import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@grievance/auth';
import { LimitParam } from '../shared/limit.query';
import { AnchorVerification } from './anchor-verification';
import { AnchorRow } from './dossier.repository';
import { ListAnchors } from './list-anchors.use-case';
import { TakeAnchor } from './take-anchor.use-case';
import { VerifyAnchors } from './verify-anchors.use-case';

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
    private readonly listAnchors: ListAnchors,
    private readonly verifyAnchors: VerifyAnchors,
    private readonly takeAnchor: TakeAnchor,
  ) {}

  /** The latest anchors, newest first. */
  @Get()
  async list(@Query() query: ListAnchorsQuery): Promise<{ items: AnchorRow[] }> {
    return { items: await this.listAnchors.execute({ limit: query.limit ?? 50 }) };
  }

  /** Checks the anchors' own chain, the latest root, and that every grievance an anchor saw is still whole. */
  @Get('verify')
  verify(): Promise<AnchorVerification> {
    return this.verifyAnchors.execute();
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
