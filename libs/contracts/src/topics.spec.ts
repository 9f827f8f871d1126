import { CATALOGUE_TOPICS, DEPARTMENT_TOPIC_SPEC, MAX_PARTITIONS, PARTITIONS, TOPICS } from './topics';

describe('partitions of the catalogue topics', () => {
  const partitionsOf = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, TOPICS[n as keyof typeof TOPICS].partitions]));

  it('keeps a service’s full parallelism on the topics every grievance passes through', () => {
    const path = ['grievance.submitted.v1', 'grievance.routed.v1', 'ticket.dispatched.v1', 'ticket.verified.v1', 'grievance.assigned.v1', 'grievance.resolved.v1', 'feedback.rated.v1', 'grievance.closed.v1', 'sla.breached.v1'];
    expect(partitionsOf(path)).toEqual(Object.fromEntries(path.map((n) => [n, PARTITIONS.hot])));
    expect(DEPARTMENT_TOPIC_SPEC.partitions).toBe(PARTITIONS.hot);
  });

  it('gives one partition to what is not one event per grievance: the directory, SLA policies, points, workers and benefits', () => {
    const low = ['directory.entry-changed.v1', 'sla.policy-changed.v1', 'points.awarded.v1', 'points.redeemed.v1', 'points.handed-over.v1', 'worker.registered.v1', 'benefit.applied.v1', 'benefit.decided.v1'];
    expect(partitionsOf(low)).toEqual(Object.fromEntries(low.map((n) => [n, 1])));
  });

  it('has no topic with more partitions than a consumer group may have members', () => {
    expect(Math.max(...CATALOGUE_TOPICS.map((t) => TOPICS[t].partitions))).toBe(MAX_PARTITIONS);
    // What one member fetches when it reads every topic (the audit group): 198 if every topic had 6.
    expect(CATALOGUE_TOPICS.reduce((sum, t) => sum + TOPICS[t].partitions, 0)).toBe(118);
  });
});
