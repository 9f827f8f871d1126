import { DataSource } from 'typeorm';
import { KafkaConnection } from '../kafka-connection';
import { EventConsumer } from './event-consumer';

// Nothing connects: the settings are checked when the consumer is made.
const connection = new KafkaConnection({ brokers: ['127.0.0.1:1'], clientId: 'settings-spec' });
const make = (options: Partial<ConstructorParameters<typeof EventConsumer>[2]>) =>
  new EventConsumer(connection, {} as DataSource, { groupId: 'settings-spec', ...options });

describe('an event consumer’s fetch and session settings', () => {
  it('takes a long poll when the session outlasts it by a heartbeat margin', () => {
    expect(() => make({})).not.toThrow();
    expect(() => make({ maxWaitTimeInMs: 10_000, sessionTimeoutMs: 11_000 })).not.toThrow();
  });

  it('refuses a fetch wait an idle member could not heartbeat across', () => {
    expect(() => make({ maxWaitTimeInMs: 10_000 })).toThrow(
      'consumer settings-spec: the session timeout (6000 ms) must exceed the fetch wait (10000 ms) by 1000 ms at least',
    );
    expect(() => make({ maxWaitTimeInMs: 5000, sessionTimeoutMs: 5500 })).toThrow('must exceed the fetch wait');
  });
});
