import type { GrievanceEntity } from './entities';

/** How long a reporter's command waits for an event of their grievance that feedback has not applied yet. */
export const CATCH_UP_MS = 2000;
/** The first look again comes this soon; each next one twice as late. */
const FIRST_LOOK_AGAIN_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until feedback's copy of a grievance is `ready`, for CATCH_UP_MS at most.
 *
 * A reporter acts on what intake's view showed them: a resolution to rate, an invalid verdict
 * to contest. Feedback learns of it from the same event on its own time, a gathered fetch
 * later (KAFKA_FETCH_GATHER_MS) or more under load, so the reporter may be a step ahead of
 * it. The command waits for feedback to catch up instead of refusing what the reporter can
 * see; then it decides as usual, and a grievance that never gets there is refused as before.
 */
export async function grievanceCaughtUp(
  find: (grievanceId: string) => Promise<GrievanceEntity | null>,
  grievanceId: string,
  ready: (grievance: GrievanceEntity | null) => boolean,
  { budgetMs = CATCH_UP_MS, wait = sleep, now = Date.now }: { budgetMs?: number; wait?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<void> {
  const until = now() + budgetMs;
  for (let next = FIRST_LOOK_AGAIN_MS; ; next *= 2) {
    if (ready(await find(grievanceId))) return;
    const left = until - now();
    if (left <= 0) return;
    await wait(Math.min(next, left));
  }
}
