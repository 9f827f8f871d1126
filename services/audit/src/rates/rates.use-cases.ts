import { Injectable } from '@nestjs/common';
import { AuditConfig } from '../config';
import { DossierRepository } from '../dossier/dossier.repository';
import { AssessedUnit, AssessedUnitRow, assessUnits, yearRange } from './assessment';
import { monthRange, RankBy, rankGroups, RankedGroup } from './rankings';
import { computeRates, GroupBy, GroupRates, TimeRange } from './rates';

/** The three rates per group over a time range (definitions in rates.ts and the README). */
@Injectable()
export class ComputeRates {
  constructor(private readonly dossier: DossierRepository) {}

  async execute(command: { groupBy: GroupBy } & TimeRange): Promise<GroupRates[]> {
    // Grievances active in the range; computeRates keeps those that reached a holder in it.
    const events = await this.dossier.eventsOfGrievancesActiveIn(command.from, command.to);
    return computeRates(events, command.groupBy, { from: command.from, to: command.to });
  }
}

/** A month's ranking of the groups. */
@Injectable()
export class RankMonth {
  constructor(
    private readonly rates: ComputeRates,
    private readonly config: AuditConfig,
  ) {}

  async execute(command: { month: string; groupBy: GroupBy; by: RankBy }): Promise<{ from: Date; to: Date; items: RankedGroup[] }> {
    const { from, to } = monthRange(command.month, this.config.REPORTING_UTC_OFFSET_MINUTES);
    const rates = await this.rates.execute({ groupBy: command.groupBy, from, to });
    return { from, to, items: rankGroups(rates, command.by) };
  }
}

/** The yearly assessment (年度考核) of the industry committees or the branches (rule in assessment.ts and the README). */
@Injectable()
export class AssessYear {
  constructor(
    private readonly rates: ComputeRates,
    private readonly config: AuditConfig,
  ) {}

  async execute(command: { year: number; unit: AssessedUnit }): Promise<{ from: Date; to: Date; items: AssessedUnitRow[] }> {
    const { from, to } = yearRange(command.year, this.config.REPORTING_UTC_OFFSET_MINUTES);
    const rates = await this.rates.execute({ groupBy: command.unit, from, to });
    return { from, to, items: assessUnits(rates) };
  }
}
