import { Injectable } from '@nestjs/common';
import { AuditConfig } from '../config';
import { ComputeRates } from './compute-rates.use-case';
import { GroupBy, GroupRates } from './rates';

/** A reporting period's bounds for a UTC offset in minutes (monthRange, yearRange). */
export type PeriodCut = (utcOffsetMinutes: number) => { from: Date; to: Date };

/** What the use cases over one reporting period (a month's ranking, a year's assessment) start from: its rates, cut at REPORTING_UTC_OFFSET_MINUTES. */
@Injectable()
export abstract class ReportingPeriodRates {
  constructor(
    private readonly rates: ComputeRates,
    private readonly config: AuditConfig,
  ) {}

  protected async ratesOf(period: PeriodCut, groupBy: GroupBy): Promise<{ from: Date; to: Date; rates: GroupRates[] }> {
    const { from, to } = period(this.config.REPORTING_UTC_OFFSET_MINUTES);
    return { from, to, rates: await this.rates.execute({ groupBy, from, to }) };
  }
}
