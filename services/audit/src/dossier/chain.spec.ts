import {
  anchoredHeadProblems,
  anchorHash,
  anchorRoot,
  GENESIS_HASH,
  linkHash,
  StoredLink,
  verifyChain,
} from './chain';

const G = '019a0000-0000-7000-8000-000000000001';

/** A well-formed chain of `n` rows for grievance G, built the way the dossier appends them. */
function chainOf(n: number): StoredLink[] {
  const links: StoredLink[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const occurredAt = new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString();
    const event = {
      eventId: `019a0000-0000-7000-8000-00000000010${i}`,
      type: 'grievance.routed',
      version: 1,
      occurredAt,
      grievanceId: G,
      actor: { id: 'routing', role: 'system' },
      correlationId: 'c',
      causationId: null,
      payload: { holder: { type: 'department', id: 'municipal_works', name: 'Municipal works' }, step: i },
    };
    const hash = linkHash({ topic: 'grievance.routed.v1', chainIndex: i, prevHash: prev, event });
    links.push({ seq: String(i + 1), eventId: event.eventId, grievanceId: G, chainIndex: i, topic: 'grievance.routed.v1', eventType: event.type, occurredAt, prevHash: prev, hash, event });
    prev = hash;
  }
  return links;
}

describe('linkHash', () => {
  const event = { eventId: 'e1', payload: { a: 1, b: [1, 2] } };

  it('is SHA-256 hex, and the same for the same content whatever its key order', () => {
    const one = linkHash({ topic: 't.v1', chainIndex: 0, prevHash: GENESIS_HASH, event });
    const other = linkHash({ topic: 't.v1', chainIndex: 0, prevHash: GENESIS_HASH, event: { payload: { b: [1, 2], a: 1 }, eventId: 'e1' } });
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(other).toBe(one);
  });

  it('changes with the event, the previous hash, the position and the topic', () => {
    const base = linkHash({ topic: 't.v1', chainIndex: 0, prevHash: GENESIS_HASH, event });
    expect(linkHash({ topic: 't.v1', chainIndex: 0, prevHash: GENESIS_HASH, event: { ...event, payload: { a: 2, b: [1, 2] } } })).not.toBe(base);
    expect(linkHash({ topic: 't.v1', chainIndex: 0, prevHash: 'f'.repeat(64), event })).not.toBe(base);
    expect(linkHash({ topic: 't.v1', chainIndex: 1, prevHash: GENESIS_HASH, event })).not.toBe(base);
    expect(linkHash({ topic: 'u.v1', chainIndex: 0, prevHash: GENESIS_HASH, event })).not.toBe(base);
  });
});

describe('verifyChain', () => {
  it('verifies an untouched chain, and an empty one', () => {
    const links = chainOf(4);
    expect(verifyChain(G, links)).toEqual({ verified: true, length: 4, head: links[3]!.hash });
    expect(verifyChain(G, [])).toEqual({ verified: true, length: 0, head: GENESIS_HASH });
  });

  it('points at the row whose payload was edited', () => {
    const links = chainOf(4);
    (links[2]!.event.payload as { step: number }).step = 99;
    expect(verifyChain(G, links)).toMatchObject({
      verified: false,
      brokenLink: { reason: 'content_changed', chainIndex: 2, eventId: links[2]!.eventId, seq: '3' },
    });
  });

  it('points at the next row when an edited row was given a fresh hash', () => {
    const links = chainOf(4);
    const edited = links[1]!;
    (edited.event.payload as { step: number }).step = 99;
    edited.hash = linkHash({ topic: edited.topic, chainIndex: 1, prevHash: edited.prevHash, event: edited.event });
    expect(verifyChain(G, links).brokenLink).toMatchObject({ reason: 'prev_hash_mismatch', chainIndex: 2, eventId: links[2]!.eventId });
  });

  it('finds a deleted row in the middle', () => {
    const links = chainOf(4);
    links.splice(1, 1);
    expect(verifyChain(G, links).brokenLink).toMatchObject({ reason: 'missing_link', chainIndex: 1 });
  });

  it('finds a queryable column that no longer agrees with the hashed event', () => {
    const links = chainOf(3);
    links[0]!.occurredAt = '2020-01-01T00:00:00.000Z';
    expect(verifyChain(G, links).brokenLink).toMatchObject({ reason: 'columns_changed', chainIndex: 0 });
  });

  it('refuses a row of another grievance slipped into the chain', () => {
    const links = chainOf(2);
    expect(verifyChain('019a0000-0000-7000-8000-000000000002', links).brokenLink).toMatchObject({ reason: 'columns_changed', chainIndex: 0 });
  });
});

describe('anchors', () => {
  const heads = [
    { grievanceId: 'b', length: 2, headHash: 'h-b' },
    { grievanceId: 'a', length: 5, headHash: 'h-a' },
  ];

  it('roots the sorted (grievance, head, length) list, so the order rows were read in does not matter', () => {
    expect(anchorRoot(heads)).toBe(anchorRoot([...heads].reverse()));
    expect(anchorRoot(heads)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives another root when a grievance is left out or a chain is shorter', () => {
    expect(anchorRoot(heads.slice(1))).not.toBe(anchorRoot(heads));
    expect(anchorRoot([heads[0]!, { ...heads[1]!, length: 4 }])).not.toBe(anchorRoot(heads));
  });

  it('chains anchors: an anchor hash depends on the one before it', () => {
    const content = { id: '2', anchoredAt: '2026-01-01T00:00:00.000Z', root: anchorRoot(heads), matters: 2, events: 7 };
    expect(anchorHash({ ...content, prevAnchorHash: GENESIS_HASH })).not.toBe(anchorHash({ ...content, prevAnchorHash: 'f'.repeat(64) }));
  });

  it('accepts a chain that grew since it was anchored, and names a deleted, shortened or rewritten one', () => {
    expect(
      anchoredHeadProblems([
        { grievanceId: 'grown', length: 2, headHash: 'x', foundHash: 'x', foundLength: 5 },
        { grievanceId: 'gone', length: 3, headHash: 'y', foundHash: null, foundLength: 0 },
        { grievanceId: 'short', length: 3, headHash: 'z', foundHash: null, foundLength: 2 },
        { grievanceId: 'rewritten', length: 1, headHash: 'w', foundHash: 'other', foundLength: 1 },
      ]).map((p) => [p.grievanceId, p.problem]),
    ).toEqual([
      ['gone', 'matter_missing'],
      ['short', 'truncated'],
      ['rewritten', 'head_changed'],
    ]);
  });
});
