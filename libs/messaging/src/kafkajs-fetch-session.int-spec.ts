/**
 * Incremental fetch sessions (KIP-227, patches/kafkajs+2.2.4.patch) on the real broker: a
 * member of a consumer group that reads many partitions names, after its first fetch, only
 * the partitions whose offset moved, and still receives every message once, in order,
 * through a rebalance and a seek. The request logic itself: kafkajs-fetch-session.spec.ts.
 */
import { createTestKafka, eventually } from '@grievance/testing';
import { Consumer } from 'kafkajs';
import { KafkaConnection } from './kafka-connection';

const TOPICS = ['alpha', 'beta', 'gamma'];
const PARTITIONS = 8;

interface Received {
  member: string;
  topic: string;
  partition: number;
  offset: number;
  value: string;
}

describe('incremental fetch sessions on a real broker', () => {
  let kafka: KafkaConnection;
  let consumers: Consumer[] = [];
  const received: Received[] = [];
  /** Sizes in bytes of each member's fetch requests, in the order sent. */
  const fetchSizes = new Map<string, number[]>();
  /** Each member's partitions after its last join: `topic/partition`. */
  const assigned = new Map<string, Set<string>>();
  let sent = 0;

  async function member(name: string, groupId: string): Promise<Consumer> {
    const consumer = kafka.kafka.consumer({ groupId: kafka.topic(groupId), maxWaitTimeInMs: 500 });
    consumers.push(consumer);
    fetchSizes.set(name, []);
    consumer.on(consumer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Fetch') fetchSizes.get(name)!.push(payload.size);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const mine = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) =>
        partitions.map((partition) => `${topic}/${partition}`),
      );
      assigned.set(name, new Set(mine));
    });
    await consumer.connect();
    await consumer.subscribe({ topics: TOPICS.map((t) => kafka.topic(t)), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        received.push({ member: name, topic, partition, offset: Number(message.offset), value: message.value!.toString() });
      },
    });
    return consumer;
  }

  /**
   * One message to each partition of each topic; `awaitEach`: each sent once the one before
   * it was received, so that every message takes a fetch of its own.
   */
  async function sendRound(label: string, { awaitEach = false } = {}) {
    const producer = kafka.kafka.producer();
    await producer.connect();
    try {
      for (const topic of TOPICS) {
        for (let partition = 0; partition < PARTITIONS; partition++) {
          await producer.send({ topic: kafka.topic(topic), messages: [{ partition, value: `${label} ${topic}/${partition}` }] });
          sent++;
          if (awaitEach) await everyMessageOnce();
        }
      }
    } finally {
      await producer.disconnect();
    }
  }

  const everyMessageOnce = () =>
    eventually(
      () => received.length,
      (n) => n >= sent,
      { what: `all ${sent} messages received`, timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    kafka = await createTestKafka(
      'fetch-session',
      TOPICS.map((topic) => ({ topic, partitions: PARTITIONS })),
    );
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect()));
    consumers = [];
    await kafka.disconnect();
  });

  it('names only the partitions that moved after its first fetch, and receives every message once', async () => {
    await member('first', 'readers');
    await eventually(() => assigned.get('first')?.size ?? 0, (n) => n === TOPICS.length * PARTITIONS, { what: 'first member assigned' });
    await sendRound('one', { awaitEach: true });
    await everyMessageOnce();

    const values = received.map((r) => r.value);
    expect(new Set(values).size).toBe(sent);
    expect(received).toHaveLength(sent);

    // The opening fetch names all 24 partitions; every later one only those that moved
    // (one or two here), a fraction of its size.
    const [opening, ...later] = fetchSizes.get('first')!;
    expect(later.length).toBeGreaterThan((TOPICS.length * PARTITIONS) / 2);
    const fullSized = later.filter((size) => size > opening! / 2);
    expect(fullSized).toEqual([]);
  });

  it('after a second member joins, each reads only its own partitions and nothing is received twice', async () => {
    await member('second', 'readers');
    await eventually(
      () => [assigned.get('first')?.size ?? 0, assigned.get('second')?.size ?? 0],
      ([a, b]) => a > 0 && b > 0 && a + b === TOPICS.length * PARTITIONS,
      { what: 'both members assigned', timeoutMs: 30_000 },
    );
    const before = received.length;
    await sendRound('two');
    await everyMessageOnce();

    const round = received.slice(before);
    expect(new Set(round.map((r) => r.value)).size).toBe(round.length);
    expect(round).toHaveLength(TOPICS.length * PARTITIONS);
    for (const r of round) expect(assigned.get(r.member)!.has(`${r.topic}/${r.partition}`)).toBe(true);
    expect(round.some((r) => r.member === 'first')).toBe(true);
    expect(round.some((r) => r.member === 'second')).toBe(true);
  });

  it('reads a partition again from the offset a seek asks for', async () => {
    const topic = kafka.topic('beta');
    const owner = [...assigned].find(([, partitions]) => partitions.has(`${topic}/3`))![0];
    const consumer = consumers[owner === 'first' ? 0 : 1]!;
    const before = received.length;
    consumer.seek({ topic, partition: 3, offset: '0' });
    const again = await eventually(
      () => received.slice(before).filter((r) => r.topic === topic && r.partition === 3),
      (rs) => rs.length >= 2,
      { what: 'beta/3 read again from offset 0' },
    );
    expect(again.map((r) => [r.offset, r.value])).toEqual([
      [0, 'one beta/3'],
      [1, 'two beta/3'],
    ]);
  });
});
