/** How a deadline looks in a list: time left, colour when near (≤ 20% of the budget, or under an hour) or past. */
export type DeadlineTone = 'ok' | 'near' | 'overdue' | 'paused';

export interface DeadlineLike {
  dueAt: string | null;
  startedAt?: string | null;
  remainingMs?: number | null;
}

export function deadlineState(deadline: DeadlineLike, now: number = Date.now()): { tone: DeadlineTone; remainingMs: number | null } {
  if (!deadline.dueAt) return { tone: 'paused', remainingMs: null };
  const due = new Date(deadline.dueAt).getTime();
  const remainingMs = due - now;
  if (remainingMs <= 0) return { tone: 'overdue', remainingMs };
  const started = deadline.startedAt ? new Date(deadline.startedAt).getTime() : undefined;
  const budget = started !== undefined && due > started ? due - started : undefined;
  const near = remainingMs <= 3_600_000 || (budget !== undefined && remainingMs <= budget * 0.2);
  return { tone: near ? 'near' : 'ok', remainingMs };
}

export const TONE_COLOUR: Record<DeadlineTone, string> = { ok: 'green', near: 'orange', overdue: 'red', paused: 'default' };
