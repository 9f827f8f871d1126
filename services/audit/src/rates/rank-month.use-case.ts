import { Injectable } from '@nestjs/common';
import { monthRange, RankBy, rankGroups, RankedGroup } from './rankings';
import { GroupBy } from './rates';
import { ReportingPeriodRates } from './reporting-period-rates';

export interface RankMonthCommand {
  month: string;
  groupBy: GroupBy;
  by: RankBy;
}

/** A month's ranking of the groups (the month cut at REPORTING_UTC_OFFSET_MINUTES). */
@Injectable()
export class RankMonth extends ReportingPeriodRates {
  async execute({ month, groupBy, by }: RankMonthCommand): Promise<{ from: Date; to: Date; items: RankedGroup[] }> {
    const { from, to, rates } = await this.ratesOf((offset) => monthRange(month, offset), groupBy);
    return { from, to, items: rankGroups(rates, by) };
  }
}
