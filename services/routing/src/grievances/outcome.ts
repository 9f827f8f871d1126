/** What a consumed event did to the grievance: applied, or skipped (it changed nothing). */
export type Outcome = 'applied' | 'skipped';
