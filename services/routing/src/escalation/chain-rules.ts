import { Holder, Level, LEVELS } from '@grievance/contracts';
import type { ChainPath } from '../grievances/grievance.entity';

/** The roles that work the chain's inboxes are named after their rung. */
export const CHAIN_ROLES = LEVELS;
export const TOP_LEVEL: Level = 'two_new_committee';

const rank = (level: Level): number => LEVELS.indexOf(level);

/** The holder a rung's unit is: a liaison member is a person, the others are org units. */
export function rungHolder(level: Level, unit: { id: string; name: string }): Holder {
  return { type: level === 'member' ? 'member' : 'org_unit', id: unit.id, name: unit.name, level };
}

/** The next rung above `from` that has someone on this grievance's path (a rung with no one is skipped). */
export function nextRungUp(path: ChainPath, from: Level): Level | null {
  for (const level of LEVELS.slice(rank(from) + 1)) if (path[level]) return level;
  return null;
}

/** The rung below `from` that a return (退单) goes to: the nearest one on the path. */
export function nextRungDown(path: ChainPath, from: Level): Level | null {
  for (const level of LEVELS.slice(0, rank(from)).reverse()) if (path[level]) return level;
  return null;
}

/**
 * Whether a return or transfer would bounce the grievance once too often: then the arbiter takes
 * it instead (the 两新工委 on the chain, the district's fallback owner for a hazard). The
 * arbiter's own moves are its arbitration, so they always stand.
 */
export function needsArbitration(bouncesAfterMove: number, maxReturns: number, byArbiter: boolean): boolean {
  return !byArbiter && bouncesAfterMove > maxReturns;
}

/** Where an unsatisfied reporter's appeal goes: the rung above the one that resolved it, or the top again. */
export function appealRung(path: ChainPath, resolvedAt: Level): Level {
  return nextRungUp(path, resolvedAt) ?? TOP_LEVEL;
}

/** The first rung of a new appeal: a liaison member when the branch has one, else the branch itself. */
export function firstRung(path: ChainPath): Level {
  const first = LEVELS.find((level) => path[level]);
  if (!first) throw new Error('an escalation path without any rung');
  return first;
}
