import { Injectable } from '@nestjs/common';
import { AssessedUnit, AssessedUnitRow, assessUnits, yearRange } from './assessment';
import { ReportingPeriodRates } from './reporting-period-rates';

export interface AssessYearCommand {
  year: number;
  unit: AssessedUnit;
}

/** The yearly assessment (年度考核) of the industry committees or the branches (rule in assessment.ts and the README). */
@Injectable()
export class AssessYear extends ReportingPeriodRates {
  async execute({ year, unit }: AssessYearCommand): Promise<{ from: Date; to: Date; items: AssessedUnitRow[] }> {
    const { from, to, rates } = await this.ratesOf((offset) => yearRange(year, offset), unit);
    return { from, to, items: assessUnits(rates) };
  }
}
