/** Where a hazard the reporter sent back goes (pure). */
export type ReopeningTarget =
  | { kind: 'department'; departmentCode: string }
  | { kind: 'supervising_office'; departmentCode: string; districtId: string };

/** The reopening that sends a hazard up: the reporter unsatisfied this many times. */
export const UNSATISFIED_BEFORE_SUPERVISION = 2;

/**
 * A hazard reopened by an unsatisfied rating goes back to the department named (the one that
 * resolved it). From the second unsatisfied rating on, it goes to the district's supervising
 * office (督办) instead, when the directory names one for the grievance's district; a grievance the
 * office already holds stays with it. A district without one keeps the old way (the same
 * department), so a city that has not set its offices loses nothing.
 */
export function reopeningTarget(input: {
  /** The reporter's unsatisfied ratings so far, this one included. */
  unsatisfiedRatings: number;
  departmentCode: string;
  districtId: string | null;
  supervisingOffice: string | null;
}): ReopeningTarget {
  const { unsatisfiedRatings, departmentCode, districtId, supervisingOffice } = input;
  if (unsatisfiedRatings < UNSATISFIED_BEFORE_SUPERVISION || !districtId || !supervisingOffice || supervisingOffice === departmentCode) {
    return { kind: 'department', departmentCode };
  }
  return { kind: 'supervising_office', departmentCode: supervisingOffice, districtId };
}
