import { AnchorProblem, anchoredHeadProblems, anchorHash, anchorRoot, GENESIS_HASH } from './chain';
import type { AnchoredState, AnchorRow } from './dossier.repository';

export interface AnchorVerification {
  /** True when the anchors' own chain holds, the latest root matches its heads, and every anchored chain is still there. */
  verified: boolean;
  /** The latest anchor (null before the first one: nothing can be said about whole grievances yet). */
  anchor: Omit<AnchorRow, 'prevAnchorHash' | 'anchorHash'> | null;
  anchorsChecked: number;
  /** The first anchor whose own link does not hold (an anchor edited or removed). */
  brokenAnchor?: { id: string; message: string };
  /** False when the anchored heads no longer hash to the latest root (the heads table was edited). */
  rootMatches: boolean;
  /** Grievances the latest anchor saw that the dossier no longer holds as they were. */
  problems: AnchorProblem[];
}

/** Checks the anchored state read from the database (pure). */
export function verifyAnchoredState(state: AnchoredState): AnchorVerification {
  let brokenAnchor: AnchorVerification['brokenAnchor'];
  let prev = GENESIS_HASH;
  for (const a of state.anchors) {
    const { reason: _reason, anchorHash: stored, ...content } = a;
    if (a.prevAnchorHash !== prev) {
      brokenAnchor = { id: a.id, message: `anchor ${a.id} does not point at the anchor before it: an anchor was removed or replaced` };
      break;
    }
    if (anchorHash(content) !== stored) {
      brokenAnchor = { id: a.id, message: `anchor ${a.id} no longer matches its hash: it was edited` };
      break;
    }
    prev = stored;
  }
  const latest = state.latest;
  const rootMatches =
    latest === null ||
    (anchorRoot(state.heads) === latest.root &&
      state.heads.length === latest.matters &&
      state.heads.reduce((sum, h) => sum + h.length, 0) === latest.events);
  const problems = anchoredHeadProblems(state.checks);
  return {
    verified: !brokenAnchor && rootMatches && problems.length === 0,
    anchor: latest ? { id: latest.id, anchoredAt: latest.anchoredAt, reason: latest.reason, matters: latest.matters, events: latest.events, root: latest.root } : null,
    anchorsChecked: state.anchors.length,
    ...(brokenAnchor ? { brokenAnchor } : {}),
    rootMatches,
    problems,
  };
}
