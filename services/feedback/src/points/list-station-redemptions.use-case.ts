import { Injectable } from '@nestjs/common';
import { PointsRepository, Redemption, RedemptionState } from './points.repository';

/** A station's redemptions in one state, oldest first (what its staff still has to hand over). */
@Injectable()
export class ListStationRedemptions {
  constructor(private readonly points: PointsRepository) {}

  execute(query: { stationId: string; state: RedemptionState }): Promise<Redemption[]> {
    return this.points.redemptionsAt(query.stationId, query.state);
  }
}
