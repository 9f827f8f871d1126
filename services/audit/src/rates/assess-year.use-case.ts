import { Injectable } from '@nestjs/common';
import { AuditConfig } from '../config';
import { AssessedUnit, AssessedUnitRow, assessUnits, yearRange } from './assessment';
import { ComputeRates } from './compute-rates.use-case';

export interface AssessYearCommand {
  year: number;
  unit: AssessedUnit;
}

/** The yearly assessment (年度考核) of the industry committees or the branches (rule in assessment.ts and the README). */
@Injectable()
export class AssessYear {
  constructor(
    private readonly rates: ComputeRates,
    private readonly config: AuditConfig,
  ) {}

  async execute(command: AssessYearCommand): Promise<{ from: Date; to: Date; items: AssessedUnitRow[] }> {
    const { from, to } = yearRange(command.year, this.config.REPORTING_UTC_OFFSET_MINUTES);
    const rates = await this.rates.execute({ groupBy: command.unit, from, to });
    return { from, to, items: assessUnits(rates) };
  }
}
