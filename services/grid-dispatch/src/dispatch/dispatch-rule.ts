/** A grid worker as the dispatch rule sees them. */
export interface DispatchCandidate {
  id: string;
  gridId: string;
  communityId: string | null;
  streetId: string | null;
  onDuty: boolean;
  /** 驻点: the station (驿站) they are posted at; null = none. */
  stationId?: string | null;
  /** Tickets dispatched to or accepted by them and not yet verified. */
  openTickets: number;
  /** When they were last given a ticket; null = never. */
  lastDispatchedAt: Date | null;
}

export interface DispatchRequest {
  gridId: string;
  communityId: string | null;
  streetId: string | null;
  /** Workers who must not get it (they let it lapse, or gave the verdict the reporter contested). */
  exclude?: readonly string[];
  /** A walk-in: the station whose staff logged the grievance; the grid workers posted there come first. */
  loggedAtStationId?: string | null;
}

export type DispatchPool = 'grid' | 'community' | 'street';

export type DispatchDecision =
  | { kind: 'dispatch'; gridWorkerId: string; pool: DispatchPool; /** Posted at the station the grievance was logged at. */ atStation?: true }
  | { kind: 'none'; reason: string };

/** Fewest open tickets first; ties go to the one idle the longest (never dispatched first); then by id. */
function byLoadThenIdle(a: DispatchCandidate, b: DispatchCandidate): number {
  if (a.openTickets !== b.openTickets) return a.openTickets - b.openTickets;
  const idleA = a.lastDispatchedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  const idleB = b.lastDispatchedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (idleA !== idleB) return idleA < idleB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Who gets a ticket: an on-duty worker of the ticket's grid; none on duty there → an
 * on-duty worker of another grid of the same community, then of the same street. Within a
 * pool the one with the fewest open tickets, ties → the one idle the longest.
 * 驻点: a grievance logged at a station (a walk-in) goes first to the on-duty workers posted at
 * that station who may take it (of its grid, community or street, in that order, by load);
 * with none of them on duty, the usual rule applies.
 */
export function chooseGridWorker(request: DispatchRequest, candidates: readonly DispatchCandidate[]): DispatchDecision {
  const excluded = new Set(request.exclude ?? []);
  const available = candidates.filter((c) => c.onDuty && !excluded.has(c.id));
  const pools: [DispatchPool, (c: DispatchCandidate) => boolean][] = [
    ['grid', (c) => c.gridId === request.gridId],
    ['community', (c) => request.communityId !== null && c.communityId === request.communityId],
    ['street', (c) => request.streetId !== null && c.streetId === request.streetId],
  ];
  const station = request.loggedAtStationId ?? null;
  if (station !== null) {
    const posted = available.filter((c) => c.stationId === station);
    for (const [pool, inPool] of pools) {
      const best = posted.filter(inPool).sort(byLoadThenIdle)[0];
      if (best) return { kind: 'dispatch', gridWorkerId: best.id, pool, atStation: true };
    }
  }
  for (const [pool, inPool] of pools) {
    const best = available.filter(inPool).sort(byLoadThenIdle)[0];
    if (best) return { kind: 'dispatch', gridWorkerId: best.id, pool };
  }
  return {
    kind: 'none',
    reason: `no on-duty grid worker in grid ${request.gridId}, its community or its street${excluded.size ? ` (excluding ${[...excluded].join(', ')})` : ''}`,
  };
}

/**
 * The grid workers a ticket must not go to: those who let it lapse, and the one whose invalid
 * verdict the reporter contested (a second check by the same person is no second check).
 */
export function excludedWorkers(ticket: { lapsedWorkerIds: readonly string[]; contestedVerdictBy: string | null }): string[] {
  return [...new Set([...ticket.lapsedWorkerIds, ...(ticket.contestedVerdictBy ? [ticket.contestedVerdictBy] : [])])];
}
