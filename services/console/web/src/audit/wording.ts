/**
 * The auditor's words for an event of a grievance's trace: `audit.event.<topic>`, said in the
 * third person. The reporter's history (`history.*`) speaks to the reporter ("您…") and is
 * never used here; every topic the audit records has its own entry (audit-wording.spec.ts).
 */
export const auditEventKey = (topic: string): string => `audit.event.${topic}`;
