import { EventEnvelope, holdersNamedBy, PayloadOf, supervisionRoundOf, TopicName } from '@grievance/contracts';
import { holderKey } from '@grievance/auth';
import { formatDateTime, message, type Message } from '@grievance/i18n';

/**
 * The topics whose events mean new work or a deadline for a holder (员工提醒): a ticket
 * dispatched to a grid worker; a grievance routed, escalated or returned to a rung of the chain;
 * assigned, transferred or referred to a department; reopened to its holder; the 80 % warning
 * and the breach of a holder's deadline; and 督办 for the unit that now supervises. A deadline
 * starting (sla.started.v1) tells nobody: the move that started it is the notice.
 */
export const STAFF_NOTIFIED_TOPICS = [
  'ticket.dispatched.v1',
  'grievance.routed.v1',
  'grievance.assigned.v1',
  'grievance.escalated.v1',
  'grievance.returned.v1',
  'grievance.department-returned.v1',
  'grievance.transferred.v1',
  'grievance.reopened.v1',
  'grievance.referred-to-supervision.v1',
  'grievance.supervised.v1',
  'sla.warned.v1',
  'sla.breached.v1',
] as const satisfies readonly TopicName[];

export type StaffNotifiedTopic = (typeof STAFF_NOTIFIED_TOPICS)[number];

/** One staff notification before it is stored: whom it is for (a holder key, see holderKey) and what it says. */
export interface StaffNotice {
  recipientKey: string;
  message: Message;
}

const MAX_QUOTE = 200;

function quote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE - 1)}…` : clean;
}

/**
 * What each topic tells the holder it names (holdersNamedBy, the shared reading of the
 * contracts); undefined: the event is not new work for anyone. A hazard's routing names the
 * department that gets it only after the on-site check (its assignment tells it then); an
 * assignment after a department's return or transfer is told by the return or transfer itself
 * (with its reason); feedback's own reopening of a hazard is told by the assignment it causes.
 */
const MESSAGES: { [K in StaffNotifiedTopic]: (p: PayloadOf<K>) => Message | undefined } = {
  'ticket.dispatched.v1': (p) => message(p.attempt > 1 ? 'staff.dispatched.again' : 'staff.dispatched'),
  'grievance.routed.v1': (p) => (p.holder.type === 'member' || p.holder.type === 'org_unit' ? message('staff.routed', { kind: p.kind }) : undefined),
  'grievance.assigned.v1': (p) => {
    if (p.holder.type !== 'department') return undefined;
    switch (p.reason) {
      case 'verified_on_site':
        return message('staff.assigned.verified');
      case 'fallback':
        return message('staff.assigned.fallback');
      case 'reopened':
        return message('staff.assigned.reopened');
      case 'assigned_by_rung':
        return p.note?.trim() ? message('staff.assigned.byRung', { note: quote(p.note) }) : message('staff.assigned.byRungNoNote');
      default:
        return undefined;
    }
  },
  'grievance.escalated.v1': (p) => {
    if (p.trigger === 'arbitration') return message('staff.escalated.arbitration', { from: p.fromHolder.name });
    if (p.automatic || p.trigger === 'deadline_missed') return message('staff.escalated.deadlineMissed', { from: p.fromHolder.name });
    return message('staff.escalated.byHand', { from: p.fromHolder.name, reason: quote(p.reason) });
  },
  'grievance.returned.v1': (p) => message('staff.returned', { from: p.fromHolder.name, reason: quote(p.reason) }),
  'grievance.department-returned.v1': (p) =>
    message(p.arbitration ? 'staff.arbitration' : 'staff.departmentReturned', { from: p.fromHolder.name, reason: quote(p.reason) }),
  'grievance.transferred.v1': (p) => message(p.arbitration ? 'staff.arbitration' : 'staff.transferred', { from: p.fromHolder.name, reason: quote(p.reason) }),
  // Routing's reopening of an appeal names the rung; feedback's of a hazard does not (its assignment is told).
  'grievance.reopened.v1': (p) => (p.level ? message('staff.reopened', { reason: quote(p.reason) }) : undefined),
  'grievance.referred-to-supervision.v1': (p) => message('staff.referredToSupervision', { from: p.fromHolder.name }),
  'grievance.supervised.v1': (p) => {
    if (supervisionRoundOf(p) > 1) return message('staff.supervised.followUp', { round: supervisionRoundOf(p) });
    if (p.cause === 'reporter_unsatisfied') return message('staff.supervised.reporterUnsatisfied');
    if (p.cause === 'department_deadline_missed') return message('staff.supervised.departmentMissed', { from: p.holder.name });
    return message('staff.supervised.deadlineMissed');
  },
  'sla.warned.v1': (p) => message('staff.slaWarned', { target: p.target, due: formatDateTime(new Date(p.dueAt)) }),
  'sla.breached.v1': (p) => message('staff.slaBreached', { target: p.target, due: formatDateTime(new Date(p.dueAt)) }),
};

/**
 * The staff notification one event makes (pure): for the holder the event names, by its
 * recipient key, with a message of the catalogue. Undefined when the event is nobody's new
 * work or names no holder with a key.
 */
export function staffNotice<T extends StaffNotifiedTopic>(topic: T, event: EventEnvelope<PayloadOf<T>>): StaffNotice | undefined {
  const write: (p: PayloadOf<T>) => Message | undefined = MESSAGES[topic];
  const text = write(event.payload);
  if (!text) return undefined;
  // 督办 is news for the unit that supervises (the district's office for a hazard), not for the holder that missed.
  const supervisor = topic === 'grievance.supervised.v1' ? (event.payload as PayloadOf<'grievance.supervised.v1'>).supervisor : undefined;
  const { holder, level } = supervisor ? { holder: supervisor, level: supervisor.level } : holdersNamedBy(event as EventEnvelope);
  if (!holder) return undefined;
  const recipientKey = holderKey({ ...holder, ...(level ? { level } : {}) });
  return recipientKey ? { recipientKey, message: text } : undefined;
}
