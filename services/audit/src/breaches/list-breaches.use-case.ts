import { Injectable } from '@nestjs/common';
import { maskPersonalData } from '@grievance/platform';
import { breachView, BreachView } from './breaches';
import { BreachesRepository, BreachFilter } from './breaches.repository';

/** SLA breaches fired in [from, to), newest first; holders who are people are shown masked to auditors (as in the trace). */
@Injectable()
export class ListBreaches {
  constructor(private readonly breaches: BreachesRepository) {}

  async execute(filter: BreachFilter): Promise<BreachView[]> {
    const rows = await this.breaches.breaches(filter);
    return rows.map((row) => maskPersonalData(breachView(row)));
  }
}
