/**
 * kafkajs 2.2.4 fetches without a session: every fetch names every partition a member reads,
 * and every answer describes each of them. patches/kafkajs+2.2.4.patch gives each consumer
 * group member an incremental fetch session with each broker (KIP-227,
 * kafkajs/src/consumer/fetchSession.js); these check what each fetch asks of the broker.
 * kafkajs-fetch-session.int-spec.ts checks the sessions on a real broker.
 */
interface Wanted {
  topic: string;
  partitions: { partition: number; fetchOffset: string; maxBytes: number }[];
}
interface SessionRequest {
  sessionId: number;
  sessionEpoch: number;
  topics: Wanted[];
  forgottenTopics: { topic: string; partitions: number[] }[];
  session: boolean;
}
interface FetchSessionLike {
  request(wanted: Wanted[]): SessionRequest;
  answered(request: SessionRequest, wanted: Wanted[], response: { errorCode?: number; sessionId?: number }): boolean;
  failed(request: SessionRequest, error?: { type?: string }): void;
}
const FetchSession = require('kafkajs/src/consumer/fetchSession') as new () => FetchSessionLike;

const MAX_BYTES = 1_048_576;
/** Offsets of topic `t`'s partitions, in partition order. */
const wanted = (offsets: Record<string, string[]>): Wanted[] =>
  Object.entries(offsets).map(([topic, partitionOffsets]) => ({
    topic,
    partitions: partitionOffsets.map((fetchOffset, partition) => ({ partition, fetchOffset, maxBytes: MAX_BYTES })),
  }));
/** The partitions a request names, as `topic/partition@offset`. */
const named = (request: SessionRequest) =>
  request.topics.flatMap(({ topic, partitions }) => partitions.map((p) => `${topic}/${p.partition}@${p.fetchOffset}`));

const ok = (sessionId: number) => ({ errorCode: 0, sessionId });

/** A session the broker opened as 42 over `first`. */
function openSession(first: Wanted[]) {
  const session = new FetchSession();
  const opening = session.request(first);
  expect(session.answered(opening, first, ok(42))).toBe(true);
  return session;
}

describe('an incremental fetch session (with the kafkajs patch)', () => {
  const start = wanted({ a: ['0', '0', '0'], b: ['5', '5'] });

  it('opens with a full fetch of every partition wanted', () => {
    const session = new FetchSession();
    const request = session.request(start);
    expect(request).toMatchObject({ sessionId: 0, sessionEpoch: 0, forgottenTopics: [] });
    expect(named(request)).toEqual(['a/0@0', 'a/1@0', 'a/2@0', 'b/0@5', 'b/1@5']);
  });

  it('then names only the partitions whose fetch offset moved, in the session the broker gave', () => {
    const session = openSession(start);
    const moved = wanted({ a: ['0', '3', '0'], b: ['5', '5'] });
    const request = session.request(moved);
    expect(request).toMatchObject({ sessionId: 42, sessionEpoch: 1, forgottenTopics: [] });
    expect(named(request)).toEqual(['a/1@3']);
    session.answered(request, moved, ok(42));

    const same = session.request(moved);
    expect(same.sessionEpoch).toBe(2);
    expect(named(same)).toEqual([]);
  });

  it('names again a partition moved back to an earlier offset (a seek, a retried batch)', () => {
    const session = openSession(start);
    const back = wanted({ a: ['0', '0', '0'], b: ['2', '5'] });
    expect(named(session.request(back))).toEqual(['b/0@2']);
  });

  it('forgets the partitions no longer wanted (a rebalance, a pause) and adds the new ones', () => {
    const session = openSession(start);
    const after = wanted({ a: ['0', '0', '0', '0'] });
    const request = session.request(after);
    expect(named(request)).toEqual(['a/3@0']);
    expect(request.forgottenTopics).toEqual([{ topic: 'b', partitions: [0, 1] }]);
    session.answered(request, after, ok(42));
    expect(session.request(after).forgottenTopics).toEqual([]);
  });

  it('after the broker refuses the session, closes it with a full fetch that opens a new one', () => {
    const session = openSession(start);
    const request = session.request(start);
    expect(session.answered(request, start, { errorCode: 71, sessionId: 0 })).toBe(false);
    const next = session.request(start);
    expect(next).toMatchObject({ sessionId: 42, sessionEpoch: 0 });
    expect(named(next)).toHaveLength(5);
  });

  it('after a failed fetch, fetches in full; a session the broker no longer knows is not named again', () => {
    const session = openSession(start);
    session.failed(session.request(start), { type: 'KAFKA_STORAGE_ERROR' });
    expect(session.request(start)).toMatchObject({ sessionId: 42, sessionEpoch: 0 });

    const other = openSession(start);
    other.failed(other.request(start), { type: 'FETCH_SESSION_ID_NOT_FOUND' });
    expect(other.request(start)).toMatchObject({ sessionId: 0, sessionEpoch: 0 });
  });

  it('keeps fetching in full while the broker has no room for a session', () => {
    const session = new FetchSession();
    session.answered(session.request(start), start, ok(0));
    const next = session.request(start);
    expect(next).toMatchObject({ sessionId: 0, sessionEpoch: 0 });
    expect(named(next)).toHaveLength(5);
  });

  it('fetches without a session from a broker whose Fetch version has none', () => {
    const session = new FetchSession();
    session.answered(session.request(start), start, {});
    expect(session.request(start)).toMatchObject({ sessionId: 0, sessionEpoch: -1, session: false });
  });

  it('sends a second fetch made while one is in flight without the session, leaving the session alone', () => {
    const session = openSession(start);
    const first = session.request(start);
    const second = session.request(start);
    expect(second).toMatchObject({ sessionId: 0, sessionEpoch: -1, session: false });
    expect(named(second)).toHaveLength(5);
    session.answered(second, start, ok(0));
    session.answered(first, start, ok(42));
    expect(session.request(start)).toMatchObject({ sessionId: 42, sessionEpoch: 2 });
  });
});
