import { Injectable } from '@nestjs/common';
import { AuditConfig } from '../config';
import { ComputeRates } from './compute-rates.use-case';
import { monthRange, RankBy, rankGroups, RankedGroup } from './rankings';
import { GroupBy } from './rates';

export interface RankMonthCommand {
  month: string;
  groupBy: GroupBy;
  by: RankBy;
}

/** A month's ranking of the groups (the month cut at REPORTING_UTC_OFFSET_MINUTES). */
@Injectable()
export class RankMonth {
  constructor(
    private readonly rates: ComputeRates,
    private readonly config: AuditConfig,
  ) {}

  async execute(command: RankMonthCommand): Promise<{ from: Date; to: Date; items: RankedGroup[] }> {
    const { from, to } = monthRange(command.month, this.config.REPORTING_UTC_OFFSET_MINUTES);
    const rates = await this.rates.execute({ groupBy: command.groupBy, from, to });
    return { from, to, items: rankGroups(rates, command.by) };
  }
}
