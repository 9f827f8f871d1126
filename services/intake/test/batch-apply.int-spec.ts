import request from 'supertest';
import { signDevToken } from '@grievance/auth';
import { EventEnvelope, TopicName } from '@grievance/contracts';
import { Env, EventConsumers } from '@grievance/platform';
import { batchEvent, eventually, EventFedService, StatementCounter } from '@grievance/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/config';
import { INTAKE_CONSUMER_GROUP } from '../src/tracking/tracking.consumer';
import { writeCategorySeed } from './fixtures';

jest.setTimeout(120_000);

const DEPT = { type: 'department' as const, id: 'hrss', name: 'Human resources and social security' };
const APPEAL = { kind: 'appeal', category: 'pay_dispute', title: 'Unpaid wages', description: 'Three weeks unpaid' };

class IntakeHarness extends EventFedService<IntakeConfig> {
  static async start(env: Env = {}): Promise<IntakeHarness> {
    return new IntakeHarness(...(await EventFedService.boot(AppModule, env)));
  }

  get consumerStats() {
    return this.service.app.get(EventConsumers).get(INTAKE_CONSUMER_GROUP).stats;
  }
}

const OFFICER = { id: 'officer-1', role: 'department' } as const;

const routed = (id: string, minutes: number) =>
  batchEvent('grievance.routed.v1', id, { kind: 'appeal', category: 'pay_dispute', holder: DEPT, departmentCode: 'hrss', fallback: false }, { actor: OFFICER, minutesLater: minutes });
const accepted = (id: string, minutes: number) => batchEvent('grievance.accepted.v1', id, { holder: DEPT }, { actor: OFFICER, minutesLater: minutes });
const resolved = (id: string, minutes: number) =>
  batchEvent('grievance.resolved.v1', id, { resolvedBy: DEPT, resolution: 'Wages paid.', attachmentIds: [] }, { actor: OFFICER, minutesLater: minutes });

/**
 * A consumed batch applied as a whole by intake's tracking view: the statements and
 * transactions it costs, and what it leaves when it holds a duplicate, spans several
 * grievances, holds several events of one grievance, or is redelivered after failing half-way.
 */
describe('intake applies a consumed batch', () => {
  let h: IntakeHarness;
  let counter: StatementCounter;
  let token: string;

  beforeAll(async () => {
    h = await IntakeHarness.start({ CATEGORIES_FILE: writeCategorySeed() });
    counter = StatementCounter.start(h.service.config.DATABASE_URL);
    token = await signDevToken({ sub: 'worker-carol', role: 'worker' });
  });

  afterAll(async () => {
    counter?.stop();
    await h?.close();
  });

  /** Submits an appeal and waits until intake consumed its own grievance.submitted.v1 (so it is not counted with the batch). */
  const submit = async (): Promise<string> => {
    const before = seen();
    const { id } = (await request(h.url).post('/v1/grievances').set('Authorization', `Bearer ${token}`).send(APPEAL).expect(201)).body as { id: string };
    await eventually(seen, (n) => n > before, { what: 'the submission consumed' });
    return id;
  };
  const view = async (id: string) =>
    (await request(h.url).get(`/v1/grievances/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body as {
      status: string;
      holder: unknown;
      history: { type: string }[];
    };
  const seen = () => h.consumerStats.applied + h.consumerStats.duplicates;
  async function deliver(events: { topic: TopicName; envelope: EventEnvelope }[]): Promise<{ transactions: number; statements: number }> {
    const cost = await h.deliverCounted(events, seen, counter);
    process.stdout.write(`intake: ${events.length} events, ${cost.transactions} transactions, ${cost.statements} statements
`);
    return cost;
  }

  it('applies one event with a handful of statements', async () => {
    const id = await submit();
    const cost = await deliver([routed(id, 1)]);
    // BEGIN, the inbox, the grievance read and locked, its tracked state + history + deadline at once, COMMIT.
    expect(cost).toEqual({ transactions: 1, statements: 5 });
    expect((await view(id)).status).toBe('routed');
  });

  it('applies a batch of several grievances, with a duplicate in it, once each', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 12; n += 1) ids.push(await submit());
    const first = ids.map((id) => routed(id, 1));
    const cost = await deliver([...first, first[0]!]);
    // Per transaction: BEGIN, the inbox, one read (and lock) of all its grievances, one write for all its events, COMMIT.
    expect(cost.statements).toBe(5 * cost.transactions);
    for (const id of ids) {
      const v = await view(id);
      expect(v.status).toBe('routed');
      expect(v.history.map((l) => l.type)).toEqual(['grievance.submitted', 'grievance.routed']);
    }
  });

  it('applies several events of one grievance in one batch in their order', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 6; n += 1) ids.push(await submit());
    // One topic, so each grievance's events share a partition and come in one group, in this order.
    const cost = await deliver(ids.flatMap((id) => [routed(id, 1), routed(id, 2)]));
    expect(cost.statements).toBe(5 * cost.transactions);
    await deliver(ids.flatMap((id) => [accepted(id, 3), resolved(id, 4)]));
    for (const id of ids) {
      const v = await view(id);
      expect(v.status).toBe('resolved');
      expect(v.holder).toEqual(DEPT);
      expect(v.history.map((l) => l.type)).toEqual(['grievance.submitted', 'grievance.routed', 'grievance.routed', 'grievance.accepted', 'grievance.resolved']);
    }
  });

  it('leaves nothing doubled or lost when a batch fails half-way and is redelivered', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 6; n += 1) ids.push(await submit());
    // The next history row fails once, as a crash in the middle of a batch would.
    const restore = await h.failNextInsertOnce('intake_history');
    const batch = ids.flatMap((id) => [routed(id, 1), resolved(id, 2)]);
    try {
      await deliver(batch);
      await deliver(batch); // the whole batch again, as after a crash before its offsets were committed
    } finally {
      await restore();
    }
    for (const id of ids) {
      const v = await view(id);
      expect(v.status).toBe('resolved');
      expect(v.history.map((l) => l.type)).toEqual(['grievance.submitted', 'grievance.routed', 'grievance.resolved']);
    }
    const resolutions = await h.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake_resolutions WHERE grievance_id = ANY($1::uuid[])`, [ids]);
    expect(resolutions[0]!.n).toBe(6);
  });
});
