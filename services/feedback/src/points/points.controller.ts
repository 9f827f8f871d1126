import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { FeedbackRepository } from '../matters/feedback.repository';

export interface PointsView {
  /** The sum of the entries, computed on every read (the ledger stores no balance). */
  balance: number;
  entries: { id: string; points: number; reason: string; grievanceId: string; createdAt: string }[];
}

@ApiTags('points')
@ApiBearerAuth()
@Controller('v1/points')
export class PointsController {
  constructor(private readonly repository: FeedbackRepository) {}

  /** The caller's balance and ledger entries, newest first. */
  @Get('me')
  @Roles('worker')
  async mine(@CurrentPrincipal() principal: Principal): Promise<PointsView> {
    const { balance, entries } = await this.repository.pointsOf(principal.sub);
    return {
      balance,
      entries: entries.map((e) => ({
        id: e.id,
        points: e.points,
        reason: e.reason,
        grievanceId: e.grievanceId,
        createdAt: new Date(e.createdAt).toISOString(),
      })),
    };
  }
}
