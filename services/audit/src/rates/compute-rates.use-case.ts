import { Injectable } from '@nestjs/common';
import { DossierRepository } from '../dossier/dossier.repository';
import { computeRates, GroupBy, GroupRates, TimeRange } from './rates';

export type ComputeRatesCommand = { groupBy: GroupBy } & TimeRange;

/** The three rates per group over a time range (definitions in rates.ts and the README). */
@Injectable()
export class ComputeRates {
  constructor(private readonly dossier: DossierRepository) {}

  async execute(command: ComputeRatesCommand): Promise<GroupRates[]> {
    // Grievances active in the range; computeRates keeps those that reached a holder in it.
    const events = await this.dossier.eventsOfGrievancesActiveIn(command.from, command.to);
    return computeRates(events, command.groupBy, { from: command.from, to: command.to });
  }
}
