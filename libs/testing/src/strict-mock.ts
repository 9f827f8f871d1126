import type * as JestGlobals from '@jest/globals';
import type { EventEnvelope, PayloadOf, TopicName } from '@grievance/contracts';
import type { OutboxTransaction, TransactionalOutbox } from '@grievance/messaging';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@grievance/platform';

type Method = (...args: never[]) => unknown;

/** T (so it goes wherever a T goes), each of its methods (optional ones too) also a jest mock of its own signature. */
export type StrictMock<T> = T & {
  [K in keyof T]-?: NonNullable<T[K]> extends Method ? NonNullable<T[K]> & JestGlobals.jest.Mock<NonNullable<T[K]>> : T[K];
};

/** What a test allows a collaborator to do: methods (plain functions or jest mocks) and values. */
export type Stubs<T> = { [K in keyof T]?: T[K] };

/** Thrown when the code under test uses a member of a strict mock the test did not stub. */
export class UnstubbedMemberError extends Error {
  override readonly name = 'UnstubbedMemberError';
}

/**
 * Members that jest, Node and promises read from any object they are handed (printing a
 * diff, awaiting a value, matching): a strict mock answers them as a plain object would.
 */
const INSPECTED = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'constructor', 'inspect', '_isMockFunction', 'toString', 'valueOf']);
const inspected = (key: string | symbol) => typeof key === 'symbol' || INSPECTED.has(key) || key.startsWith('@@__IMMUTABLE_');

/**
 * A collaborator that does only what the test allows. Each stubbed method becomes a
 * jest.fn (so its calls can be asserted); reading any other member throws an
 * UnstubbedMemberError naming it, so a use case that reaches for something the test did not
 * expect (a repository method, a property of the transaction) fails at that line instead of
 * running on with `undefined`.
 *
 *     const grievances = strictMock<GrievanceRepository>({ findForUpdate: async () => grievance }, 'grievances');
 *     ...
 *     expect(grievances.findForUpdate).toHaveBeenCalledWith(tx.manager, grievance.grievanceId);
 */
export function strictMock<T extends object>(stubs: Stubs<T> = {}, name = 'strictMock'): StrictMock<T> {
  // Required here, not imported at the top: @jest/globals refuses to load outside jest.
  const { jest } = require('@jest/globals') as typeof JestGlobals;
  const members: Record<string | symbol, unknown> = {};
  for (const [key, value] of Object.entries(stubs)) {
    members[key] = typeof value === 'function' && !jest.isMockFunction(value) ? jest.fn(value as (...args: unknown[]) => unknown) : value;
  }
  return new Proxy(members, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(target, key) || inspected(key)) return Reflect.get(target, key);
      throw new UnstubbedMemberError(`${name}.${String(key)} was used, but the test gave no stub for it`);
    },
  }) as StrictMock<T>;
}

/**
 * An outbox transaction that records what it publishes, in order, in `events` (as the real
 * one does), and whose `manager` is a strict mock with the given stubs: code that queries
 * the database behind its repositories' backs fails by name.
 */
export function recordingTransaction(manager: Stubs<EntityManager> = {}): StrictMock<OutboxTransaction> {
  const events: { topic: string; envelope: EventEnvelope }[] = [];
  return strictMock<OutboxTransaction>(
    {
      manager: strictMock<EntityManager>(manager, 'tx.manager'),
      events,
      publish: async (topic, envelope) => {
        events.push({ topic, envelope: envelope as EventEnvelope });
      },
      publishMany: async (batch) => {
        for (const { topic, envelope } of batch) events.push({ topic, envelope: envelope as EventEnvelope });
      },
    },
    'tx',
  );
}

/** A TransactionalOutbox whose every unit of work runs in the one recording transaction `tx`. */
export function recordingOutbox(tx: OutboxTransaction = recordingTransaction()): { outbox: StrictMock<TransactionalOutbox>; tx: OutboxTransaction } {
  const outbox = strictMock<TransactionalOutbox>({ run: (work) => work(tx) } as Stubs<TransactionalOutbox>, 'outbox');
  return { outbox, tx };
}

/** The events recorded on a topic, their payloads only (what the consumers will read), typed by the catalogue's topic. */
export function payloadsOn<T extends TopicName>(tx: Pick<OutboxTransaction, 'events'>, topic: T): PayloadOf<T>[];
export function payloadsOn(tx: Pick<OutboxTransaction, 'events'>, topic: string): unknown[];
export function payloadsOn(tx: Pick<OutboxTransaction, 'events'>, topic: string): unknown[] {
  return tx.events.filter((e) => e.topic === topic).map((e) => e.envelope.payload);
}

/** A Clock that stays at `at` until the test moves it (`clock.now.mockReturnValue(...)`). */
export function fixedClock(at: Date | string): StrictMock<Clock> {
  const instant = new Date(at);
  return strictMock<Clock>({ now: () => new Date(instant) }, 'clock');
}
