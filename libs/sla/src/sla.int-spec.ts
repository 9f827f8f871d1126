import { randomBytes } from 'node:crypto';
import { createEnvelope, DomainError, EventEnvelope, Holder, SlaDeadlineFired, SlaStartedV1, SYSTEM_ACTOR, uuidv7 } from '@grievance/contracts';
import { KafkaConnection, MESSAGING_MIGRATIONS, OutboxRelay, OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import {
  createTestDatabase,
  createTestKafka,
  eventually,
  PrivateRedis,
  startPrivateRedis,
  TEST_REDIS_URL,
  TestDatabase,
  waitForMessages,
} from '@grievance/testing';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { FiredDeadline } from './alarm/firing';
import { alarmJobId, SlaDeadline } from './deadline/deadline';
import { SlaEngine, SlaEngineOptions, StartDeadline } from './engine/sla-engine';
import { SLA_MIGRATIONS } from './persistence/migrations';
import { SlaPolicy } from './policy/policy';
import { StaticSlaSettings } from './settings/settings';
import { SettingsChange, SlaSettingsStore } from './settings/settings-store';
import { DEFAULT_SLA_CALENDARS } from './calendar/default-calendars';

/** Test policies in calendar time, by category, with budgets in milliseconds. */
const TEST_POLICIES: SlaPolicy[] = [
  { id: 'three-seconds', match: { category: 'test_3s' }, targets: { resolve: 3000, respond: 3000 }, calendar: 'calendar' },
  { id: 'five-seconds', match: { category: 'test_5s' }, targets: { resolve: 5000 }, warnShare: 1, calendar: 'calendar' },
  { id: 'long', match: { category: 'test_long' }, targets: { resolve: 'PT10H' }, calendar: 'calendar' },
  { id: 'rung.member', match: { kind: 'appeal', stage: 'member' }, targets: { resolve: 4000 }, calendar: 'calendar' },
  { id: 'rung.branch', match: { kind: 'appeal', stage: 'branch' }, targets: { resolve: 8000 }, calendar: 'calendar' },
];

const member: Holder = { type: 'member', id: 'member-7', name: 'Liaison member Liu', level: 'member' };
const otherMember: Holder = { type: 'member', id: 'member-9', name: 'Liaison member Wang', level: 'member' };
const branch: Holder = { type: 'org_unit', id: 'branch-3', name: 'Delivery riders branch, Zhanggong', level: 'branch' };

function deadlineFor(category: string, over: Partial<StartDeadline> = {}): StartDeadline {
  const grievanceId = uuidv7();
  return {
    grievanceId,
    target: 'resolve',
    holder: member,
    grievance: { kind: 'hazard', category, urgency: 'normal' },
    correlationId: `req-${grievanceId}`,
    ...over,
  };
}

describe('the SLA engine on real Postgres, Redis and Kafka', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let relay: OutboxRelay;
  let outbox: TransactionalOutbox;
  const engines: SlaEngine[] = [];
  const redises: PrivateRedis[] = [];

  /** An engine on a queue and key prefix of its own (suites and tests never share alarms). */
  function engine(over: Partial<SlaEngineOptions> = {}): SlaEngine {
    const e = new SlaEngine({
      dataSource,
      outbox,
      queueName: 'test.sla',
      prefix: `sla-test-${randomBytes(4).toString('hex')}`,
      redisUrl: TEST_REDIS_URL,
      settings: new StaticSlaSettings([...TEST_POLICIES], DEFAULT_SLA_CALENDARS),
      ...over,
      // Short slots and lead, so most test alarms travel through Redis rather than being taken over at commit.
      alarms: { slotMs: 500, leadMs: 300, sweepIntervalMs: 200, overdueGraceMs: 1000, ...over.alarms },
    });
    engines.push(e);
    return e;
  }

  /** Reads rows without an alarm clock of its own (never opened, so it never touches Redis). */
  let reader: SlaEngine;
  const row = (id: string) => reader.get(id);
  const eventsInOutbox = async (grievanceId: string, topic: string) =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE message_key = $1 AND topic = $2`, [grievanceId, topic])) as { n: number }[])[0]!.n;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const openCount = async (grievanceId: string) =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM sla_deadlines WHERE grievance_id = $1 AND status IN ('running', 'paused', 'breached')`, [grievanceId])) as { n: number }[])[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase('sla');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [...MESSAGING_MIGRATIONS, ...SLA_MIGRATIONS], poolSize: 12 });
    await dataSource.initialize();
    await dataSource.runMigrations();
    kafka = await createTestKafka('sla', [
      { topic: 'sla.started.v1', partitions: 3 },
      { topic: 'sla.warned.v1', partitions: 3 },
      { topic: 'sla.breached.v1', partitions: 3 },
      { topic: 'sla.policy-changed.v1', partitions: 1 },
    ]);
    relay = new OutboxRelay(dataSource, kafka, { pollIntervalMs: 200 });
    relay.start();
    outbox = new TransactionalOutbox(dataSource, relay);
    reader = new SlaEngine({ dataSource, outbox, queueName: 'test.sla.reader', redisUrl: TEST_REDIS_URL, settings: new StaticSlaSettings() });
  });

  afterEach(async () => {
    const closing = engines.splice(0);
    await Promise.all(closing.map((e) => e.close()));
    // Leave nothing behind in the shared Redis: every key under the engines' own prefixes
    // goes (closing puts alarms still held back into Redis, so this comes after).
    const shared = new Redis(TEST_REDIS_URL);
    for (const e of closing) {
      const keys: string[] = [];
      for await (const batch of shared.scanStream({ match: `${e.alarms.prefix}:*`, count: 500 })) keys.push(...(batch as string[]));
      if (keys.length) await shared.del(...keys);
    }
    await shared.quit();
    await Promise.all(redises.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await relay?.stop();
    await kafka?.deletePrefixedTopics();
    await kafka?.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('warns at 80% of the budget and breaches at the due moment, each exactly once, with the events on their topics', async () => {
    const fired: FiredDeadline[] = [];
    const handled: string[] = [];
    // The default policy set through the store, with SLA_TIME_SCALE making the urgent 2 hours last 3.6 s.
    const sla = engine({
      settings: new SlaSettingsStore(dataSource),
      timeScale: 0.0005,
      onFired: (f) => fired.push(...f),
      handlers: {
        onWarned: async (f, tx) => {
          handled.push(`warned ${f.deadline.holder.id}`);
          expect(tx).toBeInstanceOf(OutboxTransaction);
        },
        onBreached: async (f) => {
          handled.push(`breached ${f.deadline.holder.id}`);
        },
      },
    });
    await sla.open();
    const input = deadlineFor('manhole_cover_missing', { grievance: { kind: 'hazard', category: 'manhole_cover_missing', urgency: 'urgent' } });
    const started = await outbox.run((tx) => sla.start(tx, input));
    expect(started).toMatchObject({ policyId: 'urgent', budgetMs: 2 * 3600_000, calendarId: 'calendar', timeScale: 0.0005, status: 'running' });
    expect(started.dueAt!.getTime() - started.startedAt.getTime()).toBe(3600);
    expect(started.warnAt!.getTime() - started.startedAt.getTime()).toBe(2880);
    // The alarm is the delayed job of the slot the warning falls in; its only data is the slot.
    const job = await sla.alarms.bullQueue.getJob(sla.alarms.jobIdOf({ at: started.warnAt!.getTime() }));
    expect(job?.data).toEqual({ slot: sla.alarms.slotOf(started.warnAt!.getTime()) });

    const breached = await eventually(() => row(started.id), (d) => d?.status === 'breached', { timeoutMs: 10_000, what: 'the breach' });
    expect(breached!.warnedAt!.getTime()).toBeGreaterThanOrEqual(started.warnAt!.getTime());
    expect(breached!.warnedAt!.getTime() - started.warnAt!.getTime()).toBeLessThan(500);
    expect(breached!.breachedAt!.getTime()).toBeGreaterThanOrEqual(started.dueAt!.getTime());
    expect(breached!.breachedAt!.getTime() - started.dueAt!.getTime()).toBeLessThan(500);

    const [warned] = await waitForMessages(kafka, 'sla.warned.v1', 1, (m) => m.key === input.grievanceId);
    const [breach] = await waitForMessages(kafka, 'sla.breached.v1', 1, (m) => m.key === input.grievanceId);
    const envelope = JSON.parse(breach!.value!) as EventEnvelope<SlaDeadlineFired>;
    expect(envelope).toMatchObject({
      type: 'sla.breached',
      grievanceId: input.grievanceId,
      actor: { id: 'system', role: 'system' },
      correlationId: input.correlationId,
      payload: {
        deadlineId: started.id,
        target: 'resolve',
        holder: member,
        level: 'member',
        startedAt: started.startedAt.toISOString(),
        dueAt: started.dueAt!.toISOString(),
        firedAt: breached!.breachedAt!.toISOString(),
        budgetMs: 2 * 3600_000,
      },
    });
    expect((JSON.parse(warned!.value!) as EventEnvelope<SlaDeadlineFired>).payload.firedAt).toBe(breached!.warnedAt!.toISOString());

    // Nothing fires twice, however long we wait and however often the sweep runs.
    await sla.alarms.rearmAll();
    await sleep(1000);
    expect(await eventsInOutbox(input.grievanceId, 'sla.warned.v1')).toBe(1);
    expect(await eventsInOutbox(input.grievanceId, 'sla.breached.v1')).toBe(1);
    expect(handled).toEqual(['warned member-7', 'breached member-7']);
    expect(fired.map((f) => f.kind)).toEqual(['warn', 'breach']);
    // Completed jobs are removed.
    expect(await sla.alarms.jobCounts()).toMatchObject({ completed: 0, failed: 0, delayed: 0, active: 0 });
  });

  it('records "met" and sends no breach when the holder completes before the due moment', async () => {
    const sla = engine();
    await sla.open();
    const started = await outbox.run((tx) => sla.start(tx, deadlineFor('test_3s')));
    expect(await sla.alarms.isArmed(started.warnAt!)).toBe(true);
    await sleep(500);
    const { deadline, verdict } = await outbox.run((tx) => sla.complete(tx, started.id));
    expect(verdict).toBe('met');
    expect(deadline).toMatchObject({ status: 'met', nextAlarm: null, version: 2 });
    expect(deadline.consumedMs).toBeGreaterThanOrEqual(500);
    // Its slot still rings, and finds nothing to do.
    await sleep(3000);
    expect(await row(started.id)).toMatchObject({ status: 'met', warnedAt: null, breachedAt: null });
    expect(await eventsInOutbox(started.grievanceId, 'sla.breached.v1')).toBe(0);
    expect(await eventsInOutbox(started.grievanceId, 'sla.warned.v1')).toBe(0);
    // Completing again says the same; completing a late one says late.
    expect((await outbox.run((tx) => sla.complete(tx, started.id))).verdict).toBe('met');
  });

  it('moves the due moment by exactly the time paused, and breaches at the new moment, not the old one', async () => {
    const sla = engine();
    await sla.open();
    const t0 = Date.now();
    const started = await outbox.run((tx) => sla.start(tx, deadlineFor('test_5s', { at: new Date(t0) })));
    expect(started.dueAt!.getTime()).toBe(t0 + 5000);
    const paused = await outbox.run((tx) => sla.pause(tx, started.id, new Date(t0 + 1000)));
    expect(paused).toMatchObject({ status: 'paused', consumedMs: 1000, dueAt: null, nextAlarm: null, version: 2 });
    await sleep(t0 + 1500 - Date.now());
    const resumed = await outbox.run((tx) => sla.resume(tx, started.id, new Date(t0 + 1500)));
    expect(resumed).toMatchObject({ status: 'running', pausedMs: 500, version: 3 });
    expect(resumed.dueAt!.getTime()).toBe(t0 + 5500);
    // At the old due moment nothing happens.
    await sleep(t0 + 5250 - Date.now());
    expect((await row(started.id))!.status).toBe('running');
    const breached = await eventually(() => row(started.id), (d) => d?.status === 'breached', { timeoutMs: 5000, what: 'the breach' });
    expect(breached!.breachedAt!.getTime()).toBeGreaterThanOrEqual(t0 + 5500);
    expect(breached!.breachedAt!.getTime()).toBeLessThan(t0 + 6000);
    expect(await eventsInOutbox(started.grievanceId, 'sla.breached.v1')).toBe(1);
  });

  it('fires a burst of deadlines due at the same moment in batched transactions, each once, and their events reach the topic', async () => {
    const sla = engine({ alarms: { fireBatchSize: 8 } });
    await sla.open();
    const due = Date.now() + 2500;
    const inputs = Array.from({ length: 30 }, () => deadlineFor('test_5s', { at: new Date(due - 5000) }));
    const started = await outbox.run((tx) => sla.startMany(tx, inputs));
    const ids = new Set(started.map((d) => d.id));
    const messages = await waitForMessages(kafka, 'sla.breached.v1', 30, (m) => ids.has((JSON.parse(m.value!) as EventEnvelope<SlaDeadlineFired>).payload.deadlineId));
    const envelopes = messages.map((m) => JSON.parse(m.value!) as EventEnvelope<SlaDeadlineFired>);
    expect(new Set(envelopes.map((e) => e.payload.deadlineId)).size).toBe(30);
    for (const [i, m] of messages.entries()) {
      expect(m.key).toBe(envelopes[i]!.grievanceId);
      expect(m.headers).toMatchObject({ 'x-event-id': envelopes[i]!.eventId, 'x-event-type': 'sla.breached', 'x-correlation-id': envelopes[i]!.correlationId });
      expect(Date.parse(envelopes[i]!.payload.firedAt)).toBeGreaterThanOrEqual(due);
    }
    const late = await Promise.all(started.map(async (d) => (await row(d.id))!.breachedAt!.getTime() - due));
    expect(Math.max(...late)).toBeLessThan(500);
  });

  it('loses no deadline when Redis is flushed mid-wait: the sweep notices and re-arms from Postgres', async () => {
    const redis = await startPrivateRedis();
    redises.push(redis);
    const sla = engine({ redisUrl: redis.url });
    await sla.open();
    const t0 = Date.now();
    const started = await Promise.all(
      [0, 1, 2].map((i) => outbox.run((tx) => sla.start(tx, deadlineFor('test_5s', { at: new Date(t0 - 2000 + i * 300) })))),
    );
    const slots = new Set(started.map((s) => sla.alarms.slotOf(s.dueAt!.getTime()))).size;
    expect((await sla.alarms.jobCounts()).delayed).toBe(slots);
    await sla.alarms.redisClient.flushall();
    expect((await sla.alarms.jobCounts()).delayed).toBe(0);
    await eventually(() => sla.alarms.jobCounts(), (c) => c.delayed === slots, { timeoutMs: 3000, what: 'alarms re-armed' });
    expect(sla.alarms.stats.redisLost).toBe(1);
    for (const s of started) {
      const d = await eventually(() => row(s.id), (x) => x?.status === 'breached', { timeoutMs: 8000, what: 'the breach' });
      // On time despite the flush: the re-arm happened well before the due moment.
      expect(d!.breachedAt!.getTime() - s.dueAt!.getTime()).toBeLessThan(300);
      expect(d!.breachedAt!.getTime()).toBeGreaterThanOrEqual(s.dueAt!.getTime());
    }
  });

  it('adds a slot\'s job once per process, not once per deadline, and again in every process once Redis lost it', async () => {
    const redis = await startPrivateRedis();
    redises.push(redis);
    const prefix = `sla-slots-${randomBytes(4).toString('hex')}`;
    // Two replicas of one owner; 5 s slots, as deployed.
    const replicas = [0, 1].map(() => engine({ redisUrl: redis.url, prefix, alarms: { slotMs: 5000, leadMs: 300, sweepIntervalMs: 200 } }));
    await Promise.all(replicas.map((r) => r.open()));
    const [first, second] = replicas as [SlaEngine, SlaEngine];
    const at = new Date();
    const all: SlaDeadline[] = [];
    const startIn = async (sla: SlaEngine, count: number) => {
      const armedBefore = sla.alarms.stats.slotsArmed;
      for (let i = 0; i < count; i++) all.push(await outbox.run((tx) => sla.start(tx, deadlineFor('test_long', { at }))));
      return { deadline: all[all.length - 1]!, added: sla.alarms.stats.slotsArmed - armedBefore };
    };

    // Twenty deadlines due at the same moment, hours away: the slot of their next alarm (the warning), added once.
    const { deadline, added } = await startIn(first, 20);
    expect(added).toBe(1);
    expect(await first.alarms.isArmed(deadline.warnAt!)).toBe(true);
    expect((await startIn(second, 1)).added).toBe(1); // the other replica adds it once too
    expect((await startIn(second, 5)).added).toBe(0);

    await first.alarms.redisClient.flushall();
    // A replica's sweep finds Redis empty and arms every slot again from Postgres (both may, sweeping at once)…
    await eventually(() => first.alarms.isArmed(deadline.warnAt!), (armed) => armed, { timeoutMs: 3000, what: 'the slot armed again' });
    expect(first.alarms.stats.redisLost + second.alarms.stats.redisLost).toBeGreaterThanOrEqual(1);
    // …and neither trusts what it added before: the next deadline of each adds its slots again.
    for (const replica of replicas) {
      await replica.alarms.sweep();
      await replica.alarms.sweep();
    }
    expect((await startIn(first, 1)).added).toBe(1);
    expect((await startIn(second, 1)).added).toBe(1);
    expect((await startIn(first, 3)).added).toBe(0);
    // Nothing left open for the tests that arm every slot in Postgres.
    await outbox.run(async (tx) => {
      for (const d of all) await first.cancel(tx, d.id);
    });
  });

  it('re-arms every open deadline on start, so a Redis that lost everything while the service was down loses nothing', async () => {
    const redis = await startPrivateRedis();
    redises.push(redis);
    const prefix = `sla-restart-${randomBytes(4).toString('hex')}`;
    const first = engine({ redisUrl: redis.url, prefix });
    await first.open();
    const started = await outbox.run((tx) => first.start(tx, deadlineFor('test_3s')));
    await first.close();
    engines.splice(engines.indexOf(first), 1);
    await redis.stop();
    const restarted = await startPrivateRedis({ port: redis.port }); // empty: no persistence
    redises.push(restarted);
    const second = engine({ redisUrl: restarted.url, prefix });
    await second.open();
    expect(await second.alarms.isArmed(started.warnAt!)).toBe(true);
    const d = await eventually(() => row(started.id), (x) => x?.status === 'breached', { timeoutMs: 8000, what: 'the breach' });
    expect(d!.warnedAt).not.toBeNull();
  });

  it('ignores an early alarm (it goes back to sleep) and a repeated or stale one (it changes nothing)', async () => {
    const sla = engine();
    await sla.open();
    const started = await outbox.run((tx) => sla.start(tx, deadlineFor('test_5s')));
    const queue = sla.alarms.bullQueue;
    const slot = sla.alarms.slotOf(started.dueAt!.getTime());
    const slotJob = sla.alarms.jobIdOf({ at: slot });
    // The slot's alarm ringing 5 s early.
    await queue.remove(slotJob);
    await queue.add('slot', { slot }, { jobId: slotJob, delay: 0, removeOnComplete: true });
    await eventually(async () => (await queue.getJob(slotJob))?.getState(), (s) => s === 'delayed', { timeoutMs: 3000, what: 'the early alarm back to sleep' });
    expect(sla.alarms.stats.early).toBeGreaterThanOrEqual(1);
    expect((await row(started.id))!.status).toBe('running');
    // The alarm of a stale version (a retry left over from before a pause, say) ringing now.
    await queue.add('retry', { deadlineId: started.id }, { jobId: alarmJobId(started.id, 'breach', 0), removeOnComplete: true });
    await eventually(() => sla.alarms.stats.stale, (n) => n >= 1, { timeoutMs: 3000, what: 'the stale alarm handled' });
    expect((await row(started.id))!.status).toBe('running');

    const breached = await eventually(() => row(started.id), (d) => d?.status === 'breached', { timeoutMs: 8000, what: 'the breach' });
    expect(breached!.breachedAt!.getTime()).toBeGreaterThanOrEqual(started.dueAt!.getTime());
    // The same alarms ringing again after it fired: the slot, and the deadline's own.
    await queue.add('slot', { slot }, { jobId: slotJob, removeOnComplete: true });
    await queue.add('retry', { deadlineId: started.id }, { jobId: alarmJobId(started.id, 'breach', 1), removeOnComplete: true });
    await sla.alarms.rearmAll();
    await sleep(800);
    expect(await row(started.id)).toMatchObject({ status: 'breached', breachedAt: breached!.breachedAt });
    expect(await eventsInOutbox(started.grievanceId, 'sla.breached.v1')).toBe(1);
    expect(await sla.alarms.jobCounts()).toMatchObject({ delayed: 0, waiting: 0, active: 0, failed: 0, completed: 0 });
  });

  it('keeps a deadline beyond the horizon in Postgres only, and arms it when the window reaches it', async () => {
    const sla = engine({ alarms: { horizonMs: 2000, sweepIntervalMs: 100 } });
    await sla.open();
    const started = await outbox.run((tx) => sla.start(tx, deadlineFor('test_5s')));
    expect(await sla.alarms.isArmed(started.dueAt!)).toBe(false);
    expect((await sla.alarms.jobCounts()).delayed).toBe(0);
    await sleep(1500);
    expect(await sla.alarms.isArmed(started.dueAt!)).toBe(false);
    await eventually(() => sla.alarms.isArmed(started.dueAt!), Boolean, { timeoutMs: 3000, intervalMs: 50, what: 'the alarm armed by the sweep' });
    const armedAt = Date.now();
    expect(started.dueAt!.getTime() - armedAt).toBeGreaterThan(1500);
    expect(started.dueAt!.getTime() - armedAt).toBeLessThanOrEqual(2100);
    const d = await eventually(() => row(started.id), (x) => x?.status === 'breached', { timeoutMs: 5000, what: 'the breach' });
    expect(d!.breachedAt!.getTime() - started.dueAt!.getTime()).toBeLessThan(300);
  });

  it('carries the consumed budget and a running pause through reassignment, and gives the next rung a fresh budget', async () => {
    const sla = engine();
    await sla.open();
    const t0 = Date.now() - 3000;
    const appeal = deadlineFor('order_dispute', { at: new Date(t0), subject: 'rung', grievance: { kind: 'appeal', category: 'order_dispute', urgency: 'normal', stage: 'member' } });
    const first = await outbox.run((tx) => sla.start(tx, appeal));
    expect(first).toMatchObject({ policyId: 'rung.member', budgetMs: 4000 });
    // 1 s consumed, then waiting for the reporter; reassigned to another member while paused.
    await outbox.run((tx) => sla.pause(tx, first.id, new Date(t0 + 1000)));
    const second = await outbox.run((tx) => sla.carryOver(tx, first.id, { holder: otherMember, at: new Date(t0 + 2000) }));
    expect(second).toMatchObject({ chainId: first.id, previousId: first.id, status: 'paused', consumedMs: 1000, budgetMs: 4000, holder: otherMember });
    expect(await row(first.id)).toMatchObject({ status: 'handed_over', consumedMs: 1000, pausedMs: 1000, nextAlarm: null });
    const resumed = await outbox.run((tx) => sla.resume(tx, second.id, new Date(t0 + 2500)));
    expect(resumed.pausedMs).toBe(1500);
    expect(resumed.dueAt!.getTime()).toBe(t0 + 2500 + 3000);
    // Passed up to the branch: a fresh budget of its own, the lineage kept.
    const third = await outbox.run((tx) => sla.carryOver(tx, second.id, { holder: branch, budget: 'fresh', stage: 'branch', at: new Date(t0 + 3000) }));
    expect(third).toMatchObject({ policyId: 'rung.branch', budgetMs: 8000, consumedMs: 0, level: 'branch', chainId: first.id, previousId: second.id, pausedMs: 1500 });
    expect(third.dueAt!.getTime()).toBe(t0 + 11_000);
    expect(await sla.alarms.isArmed(third.warnAt!)).toBe(true);
    expect((await sla.openFor(appeal.grievanceId)).map((d) => d.id)).toEqual([third.id]);
    expect((await sla.historyOf(appeal.grievanceId)).map((d) => d.status)).toEqual(['handed_over', 'handed_over', 'running']);
  });

  it('refuses a second open deadline for the same grievance, subject and target, and arms nothing for a rolled-back start', async () => {
    const sla = engine();
    await sla.open();
    const input = deadlineFor('test_long');
    await outbox.run((tx) => sla.start(tx, input));
    await expect(outbox.run((tx) => sla.start(tx, input))).rejects.toMatchObject({ code: 'conflict' });
    // A caller that says none is open is not believed blindly: the database refuses the second one.
    await expect(outbox.run((tx) => sla.start(tx, { ...input, noneOpen: true }))).rejects.toThrow(/sla_deadlines_one_open/);
    expect(await openCount(input.grievanceId)).toBe(1);
    const other = deadlineFor('test_3s');
    let rolledBack: SlaDeadline | undefined;
    await expect(
      outbox.run(async (tx) => {
        rolledBack = await sla.start(tx, other);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await row(rolledBack!.id)).toBeUndefined();
    expect(await sla.alarms.isArmed(rolledBack!.warnAt!)).toBe(false);
    await expect(outbox.run((tx) => sla.pause(tx, uuidv7()))).rejects.toBeInstanceOf(DomainError);
  });

  it('publishes exactly one sla.started.v1 for a deadline armed twice and re-armed after a restart, after the events of its transaction, and none for a rolled-back start', async () => {
    const first = engine();
    await first.open();
    const input = deadlineFor('test_long', { id: uuidv7(), grievance: { kind: 'hazard', category: 'test_long', urgency: 'normal', stage: 'department' } });
    const started = await outbox.run(async (tx) => {
      const d = await first.start(tx, input);
      // The caller's own event, written after the start in the same transaction (a routed, an escalated).
      await tx.publish(
        'sla.policy-changed.v1',
        createEnvelope({ topic: 'sla.policy-changed.v1', grievanceId: d.grievanceId, actor: SYSTEM_ACTOR, correlationId: d.correlationId, payload: { kind: 'policy', id: 'p', action: 'put', version: 1 } }),
      );
      return d;
    });
    // Armed again (a redelivered cause): the same deadline, nothing new.
    const again = await outbox.run((tx) => first.start(tx, input));
    expect(again).toMatchObject({ id: started.id, version: 1 });
    // A restart re-arms every open deadline, and announces none of them again.
    await first.close();
    engines.splice(engines.indexOf(first), 1);
    const second = engine({ prefix: first.alarms.prefix });
    await second.open();
    await second.alarms.rearmAll();
    // A start whose transaction rolls back announces nothing.
    const other = deadlineFor('test_long');
    await expect(
      outbox.run(async (tx) => {
        await second.start(tx, other);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');

    const [message] = await waitForMessages(kafka, 'sla.started.v1', 1, (m) => m.key === input.grievanceId);
    const envelope = JSON.parse(message!.value!) as EventEnvelope<SlaStartedV1>;
    expect(envelope).toMatchObject({
      type: 'sla.started',
      grievanceId: input.grievanceId,
      actor: { id: 'system', role: 'system' },
      correlationId: input.correlationId,
      payload: {
        deadlineId: started.id,
        target: 'resolve',
        subject: 'grievance',
        holder: member,
        level: 'member',
        stage: 'department',
        policyId: 'long',
        startedAt: started.startedAt.toISOString(),
        dueAt: started.dueAt!.toISOString(),
        warnAt: started.warnAt!.toISOString(),
        budgetMs: 10 * 3600_000,
      },
    });
    await sleep(1000);
    expect(await eventsInOutbox(input.grievanceId, 'sla.started.v1')).toBe(1);
    expect(await eventsInOutbox(other.grievanceId, 'sla.started.v1')).toBe(0);
    // Written as the transaction commits: after the event the caller wrote after starting it.
    const order = (await dataSource.query(`SELECT topic FROM messaging_outbox WHERE message_key = $1 ORDER BY seq`, [input.grievanceId])) as { topic: string }[];
    expect(order.map((r) => r.topic)).toEqual(['sla.policy-changed.v1', 'sla.started.v1']);
  });

  it('announces a start whose savepoint rolled back not at all, and the others of its transaction once', async () => {
    const sla = engine();
    await sla.open();
    const kept = deadlineFor('test_long');
    const undone = deadlineFor('test_long');
    await outbox.run(async (tx) => {
      await sla.start(tx, kept);
      // A nested transaction on the same connection is a savepoint: it rolls back alone.
      await expect(
        tx.manager.transaction(async () => {
          await sla.start(tx, undone);
          throw new Error('this part failed');
        }),
      ).rejects.toThrow('this part failed');
    });

    expect(await eventsInOutbox(kept.grievanceId, 'sla.started.v1')).toBe(1);
    expect(await eventsInOutbox(undone.grievanceId, 'sla.started.v1')).toBe(0);
    expect(await sla.openFor(undone.grievanceId)).toEqual([]);
  });

  it('announces the next holder\'s deadline when one is handed over, naming the one it carries on', async () => {
    const sla = engine();
    await sla.open();
    const input = deadlineFor('test_long');
    const first = await outbox.run((tx) => sla.start(tx, input));
    const next = await outbox.run((tx) => sla.carryOver(tx, first.id, { holder: otherMember }));
    const messages = await waitForMessages(kafka, 'sla.started.v1', 2, (m) => m.key === input.grievanceId);
    const payloads = messages.map((m) => (JSON.parse(m.value!) as EventEnvelope<SlaStartedV1>).payload);
    expect(payloads).toEqual([
      expect.objectContaining({ deadlineId: first.id, holder: member }),
      expect.objectContaining({ deadlineId: next.id, holder: otherMember, previousDeadlineId: first.id, dueAt: next.dueAt!.toISOString() }),
    ]);
  });

  it('rolls a firing back when the owner fails, retries it, and still fires once', async () => {
    let failures = 1;
    const sla = engine({
      handlers: {
        onBreached: async (_f, tx) => {
          await tx.manager.query('SELECT 1');
          if (failures-- > 0) throw new Error('escalation target unavailable');
        },
      },
    });
    await sla.open();
    const started = await outbox.run((tx) => sla.start(tx, deadlineFor('test_5s', { at: new Date(Date.now() - 4000) })));
    const d = await eventually(() => row(started.id), (x) => x?.status === 'breached', { timeoutMs: 8000, what: 'the breach after a retry' });
    expect(d!.breachedAt!.getTime() - started.dueAt!.getTime()).toBeGreaterThan(900); // after the 1 s backoff
    expect(await eventsInOutbox(started.grievanceId, 'sla.breached.v1')).toBe(1);
  });

  it('keeps policies as data: a change applies to new deadlines only, is recorded, and reaches the owner in the same transaction', async () => {
    const changes: SettingsChange[] = [];
    const store = new SlaSettingsStore(dataSource, { onChanged: async (change) => void changes.push(change) });
    const sla = engine({ settings: store, timeScale: 0.0001 });
    await sla.open();
    const urgent = { kind: 'hazard' as const, category: 'road_damage', urgency: 'urgent' as const };
    const before = await outbox.run((tx) => sla.start(tx, deadlineFor('road_damage', { grievance: urgent })));
    const [current] = (await store.listPolicies()).filter((p) => p.id === 'urgent');
    const updated = await outbox.run((tx) =>
      store.putPolicy(tx, { ...current!, targets: { ...current!.targets, resolve: 'PT1H' } }, { actor: 'admin-1', reason: 'city campaign', expectedVersion: current!.version }),
    );
    expect(updated.version).toBe(current!.version + 1);
    const after = await outbox.run((tx) => sla.start(tx, deadlineFor('road_damage', { grievance: urgent })));
    expect([before.budgetMs, after.budgetMs]).toEqual([2 * 3600_000, 3600_000]);
    expect(after.policyVersion).toBe(updated.version);
    expect((await row(before.id))!.budgetMs).toBe(2 * 3600_000);
    await expect(
      outbox.run((tx) => store.putPolicy(tx, { ...current!, targets: { resolve: 'PT3H' } }, { actor: 'admin-2', expectedVersion: current!.version })),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(outbox.run((tx) => store.putPolicy(tx, { ...current!, calendar: 'nowhere' }, { actor: 'admin-2' }))).rejects.toMatchObject({ code: 'invalid' });
    const [last] = await store.history({ kind: 'policy', id: 'urgent' });
    expect(last).toMatchObject({ action: 'put', actor: 'admin-1', reason: 'city campaign', version: updated.version });
    expect((last!.before as SlaPolicy).targets.resolve).toBe('PT2H');
    expect((last!.after as SlaPolicy).targets.resolve).toBe('PT1H');
    expect(changes).toHaveLength(1);
  });
});

