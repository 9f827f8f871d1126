import { Injectable } from '@nestjs/common';
import { Principal } from '@grievance/auth';
import { Language } from '@grievance/contracts';
import { GrievanceDeadlines } from '../deadlines/grievance-deadlines';
import { isRung, rungInbox } from '../escalation/rung-rules';
import { departmentInbox, INBOX_LIMIT, withDeadlines } from './department-rules';
import { GrievanceView } from './grievance-view';
import { GrievanceRepository } from './grievance.repository';

/**
 * What the caller's department or rung holds now, oldest first, with the time left on each
 * deadline and, once it warned or broke, a notice in the caller's language.
 */
@Injectable()
export class ListInbox {
  constructor(
    private readonly grievances: GrievanceRepository,
    private readonly deadlines: GrievanceDeadlines,
  ) {}

  async execute(principal: Principal, language: Language): Promise<GrievanceView[]> {
    if (isRung(principal)) return withDeadlines(await rungInbox(this.grievances, principal, INBOX_LIMIT), this.deadlines, language);
    return departmentInbox(this.grievances, this.deadlines, principal, language);
  }
}
