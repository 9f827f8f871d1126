import type { components as IntakeSchemas } from '../api/intake';

/**
 * A line of a grievance's history, as intake's tracking view answers it: the event's type
 * (`grievance.resolved`, without its version) and the line in the reader's language.
 */
export type HistoryEntry = Pick<IntakeSchemas['schemas']['HistoryLineView'], 'at' | 'type' | 'summary'>;

/**
 * The reporter's history as plain-word steps: what happened in the catalogue's words
 * (`history.<topic>`), with intake's line (who, why, what was done) under it; intake's line
 * alone when the catalogue has no words for the event.
 */
export interface TimelineStep {
  at: string;
  key: string | null;
  detail: string;
  tone: 'done' | 'bad' | 'info';
}

const BAD = new Set(['grievance.rejected', 'grievance.escalated', 'grievance.reopened', 'sla.breached']);

/** The event a history line records, without its version: the services write `grievance.rejected`, the catalogue's topics end in `.v1`. */
export const eventOf = (type: string): string => type.replace(/\.v\d+$/, '');
const is = (h: Pick<HistoryEntry, 'type'>, event: string) => eventOf(h.type) === event;
/** The catalogue's words for an event: `history.grievance.resolved.v1`, whichever way the type is written. */
export const historyKey = (type: string): string => `history.${eventOf(type)}.v1`;

export function timelineOf(history: readonly HistoryEntry[], known: (key: string) => boolean): TimelineStep[] {
  return [...history]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((h) => ({
      at: h.at,
      key: known(historyKey(h.type)) ? historyKey(h.type) : null,
      detail: h.summary,
      tone: BAD.has(eventOf(h.type)) ? 'bad' : is(h, 'grievance.resolved') || is(h, 'grievance.closed') ? 'done' : 'info',
    }));
}

/** Whether the reporter can rate now: resolved and not yet rated by them. */
export function canRate(status: string, history: readonly HistoryEntry[]): boolean {
  return status === 'resolved' && !history.some((h) => is(h, 'feedback.rated'));
}

/** The holder's open question to the reporter (the grievance waits for the answer), if any. */
export function openQuestion(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  const last = [...history].sort((a, b) => a.at.localeCompare(b.at)).filter((h) => is(h, 'grievance.paused') || is(h, 'grievance.replied')).pop();
  return last && is(last, 'grievance.paused') ? last : undefined;
}

/**
 * Whether the reporter may contest the verdict that closed their grievance (申请复核): a hazard
 * closed because a grid worker found it invalid on site (only that verdict rejects a hazard),
 * not yet contested. The contest window is the server's to judge (a late one answers 422).
 */
export function canContest(kind: string, status: string, history: readonly HistoryEntry[]): boolean {
  return kind === 'hazard' && status === 'closed' && history.some((h) => is(h, 'grievance.rejected')) && !history.some((h) => is(h, 'grievance.contested'));
}

/** Whether the department's resolution (what was done, its fix photos) is the grievance's news: resolved or closed after it, not sent back to work. */
export function showsResolution(status: string, resolution: unknown): boolean {
  return resolution != null && (status === 'resolved' || status === 'closed');
}

/** Where the console downloads a photo intake links to (`/v1/attachments/:id`): through the console's `/api/intake`. */
export const intakeDownload = (url: string): string => `/api/intake${url.startsWith('/') ? url : `/${url}`}`;
