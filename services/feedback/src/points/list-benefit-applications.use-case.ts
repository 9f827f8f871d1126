import { Injectable } from '@nestjs/common';
import { BenefitApplication, BenefitsRepository, BenefitState } from './benefits.repository';

/** The benefit applications of an industry committee in one state, oldest first. */
@Injectable()
export class ListBenefitApplications {
  constructor(private readonly benefits: BenefitsRepository) {}

  execute(query: { committeeId: string; state: BenefitState }): Promise<BenefitApplication[]> {
    return this.benefits.applicationsFor(query.committeeId, query.state);
  }
}
