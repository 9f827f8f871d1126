/** The reporter's history as plain-word steps: each event's catalogue key, or its own summary when the catalogue has none. */
export interface HistoryEntry {
  at: string;
  type: string;
  summary: string;
}

export interface TimelineStep {
  at: string;
  key: string | null;
  fallback: string;
  tone: 'done' | 'bad' | 'info';
}

const BAD = new Set(['grievance.rejected.v1', 'grievance.escalated.v1', 'grievance.reopened.v1', 'sla.breached.v1']);

export function timelineOf(history: readonly HistoryEntry[], known: (key: string) => boolean): TimelineStep[] {
  return [...history]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((h) => ({
      at: h.at,
      key: known(`history.${h.type}`) ? `history.${h.type}` : null,
      fallback: h.summary,
      tone: BAD.has(h.type) ? 'bad' : h.type === 'grievance.resolved.v1' || h.type === 'grievance.closed.v1' ? 'done' : 'info',
    }));
}

/** Whether the reporter can rate now: resolved and not yet rated by them. */
export function canRate(status: string, history: readonly HistoryEntry[]): boolean {
  return status === 'resolved' && !history.some((h) => h.type === 'feedback.rated.v1');
}

/** The holder's open question to the reporter (the matter waits for the answer), if any. */
export function openQuestion(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  const last = [...history].sort((a, b) => a.at.localeCompare(b.at)).filter((h) => h.type === 'grievance.paused.v1' || h.type === 'grievance.replied.v1').pop();
  return last?.type === 'grievance.paused.v1' ? last : undefined;
}
