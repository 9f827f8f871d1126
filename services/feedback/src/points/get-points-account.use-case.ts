import { Injectable } from '@nestjs/common';
import { PointsEntryEntity } from '../grievances/entities';
import { BenefitApplication, BenefitsRepository } from './benefits.repository';
import { PointsRepository, Redemption } from './points.repository';

export interface PointsAccount {
  balance: number;
  /** Newest first. */
  entries: PointsEntryEntity[];
  /** Newest first. */
  redemptions: Redemption[];
  /** Newest first. */
  benefits: BenefitApplication[];
}

/** A worker's own points account: balance, ledger entries, redemptions and benefit applications with their state. */
@Injectable()
export class GetPointsAccount {
  constructor(
    private readonly points: PointsRepository,
    private readonly benefits: BenefitsRepository,
  ) {}

  async execute(workerId: string): Promise<PointsAccount> {
    const [{ balance, entries }, redemptions, benefits] = await Promise.all([
      this.points.pointsOf(workerId),
      this.points.redemptionsOf(workerId),
      this.benefits.applicationsOf(workerId),
    ]);
    return { balance, entries, redemptions, benefits };
  }
}
