import { verifyAnchoredState } from './anchor-verification';
import { anchorHash, anchorRoot, ChainHead, GENESIS_HASH } from './chain';
import type { AnchoredState, AnchorRow } from './dossier.repository';

const heads: ChainHead[] = [
  { grievanceId: 'a', length: 3, headHash: 'ha' },
  { grievanceId: 'b', length: 1, headHash: 'hb' },
];

function anchorsOver(states: ChainHead[][]): AnchorRow[] {
  const anchors: AnchorRow[] = [];
  let prev = GENESIS_HASH;
  states.forEach((s, i) => {
    const content = {
      id: String(i + 1),
      anchoredAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
      root: anchorRoot(s),
      matters: s.length,
      events: s.reduce((n, h) => n + h.length, 0),
      prevAnchorHash: prev,
    };
    prev = anchorHash(content);
    anchors.push({ ...content, reason: 'periodic', anchorHash: prev });
  });
  return anchors;
}

const healthy = (): AnchoredState => {
  const anchors = anchorsOver([[heads[0]!], heads]);
  return {
    anchors,
    latest: anchors[1]!,
    heads,
    checks: heads.map((h) => ({ ...h, foundHash: h.headHash, foundLength: h.length + 2 })),
  };
};

describe('verifyAnchoredState', () => {
  it('holds when the anchors chain, the root matches and every anchored grievance is still there (grown or not)', () => {
    expect(verifyAnchoredState(healthy())).toMatchObject({ verified: true, rootMatches: true, anchorsChecked: 2, problems: [], anchor: { id: '2', matters: 2, events: 4 } });
  });

  it('says nothing can be checked yet before the first anchor, without failing', () => {
    expect(verifyAnchoredState({ anchors: [], latest: null, heads: [], checks: [] })).toMatchObject({ verified: true, anchor: null, anchorsChecked: 0 });
  });

  it('names a grievance deleted after it was anchored', () => {
    const state = healthy();
    state.checks[1] = { ...state.checks[1]!, foundHash: null, foundLength: 0 };
    const result = verifyAnchoredState(state);
    expect(result.verified).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ grievanceId: 'b', problem: 'matter_missing', anchoredLength: 1, foundLength: 0 })]);
  });

  it('fails when an anchored head was removed from the heads table (the root no longer matches)', () => {
    const state = healthy();
    state.heads = [heads[0]!];
    state.checks = [state.checks[0]!];
    expect(verifyAnchoredState(state)).toMatchObject({ verified: false, rootMatches: false });
  });

  it('fails when an anchor in the middle was removed or edited', () => {
    const removed = healthy();
    const three = anchorsOver([[heads[0]!], heads, heads]);
    removed.anchors = [three[0]!, three[2]!];
    removed.latest = three[2]!;
    expect(verifyAnchoredState(removed).brokenAnchor).toMatchObject({ id: '3' });

    const edited = healthy();
    edited.anchors[0] = { ...edited.anchors[0]!, events: 99 };
    expect(verifyAnchoredState(edited).brokenAnchor).toMatchObject({ id: '1', message: expect.stringContaining('edited') });
  });
});
