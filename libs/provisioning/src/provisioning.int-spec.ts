import { createConnection } from 'node:net';
import { createThrowawayDatabase, databaseExists, dropDatabase, queryDatabase, unusedDatabaseName } from './database';
import { freePort } from './free-port';
import { startPrivateRedis } from './private-redis';
import { uniqueTopicPrefix } from './topic-prefix';

describe('a throwaway database', () => {
  it('is created empty under a recognisable name, answers queries, and is gone after drop (twice is fine)', async () => {
    const database = await createThrowawayDatabase('Provisioning check!');
    expect(database.name).toMatch(/^test_provisioning_check_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(new URL(database.url).pathname).toBe(`/${database.name}`);
    await expect(databaseExists(database.name)).resolves.toBe(true);
    await expect(queryDatabase<{ answer: number }>(database.url, 'SELECT $1::int AS answer', [42])).resolves.toEqual([{ answer: 42 }]);

    await database.drop();
    await database.drop();
    await expect(databaseExists(database.name)).resolves.toBe(false);
  });

  it('an unused name is not created; dropDatabase drops one made by someone else', async () => {
    const { name, url } = unusedDatabaseName('provisioning');
    await expect(databaseExists(name)).resolves.toBe(false);
    const admin = new URL(url);
    admin.pathname = '/postgres';
    await queryDatabase(admin.toString(), `CREATE DATABASE "${name}"`);
    await dropDatabase(name);
    await expect(databaseExists(name)).resolves.toBe(false);
  });
});

describe('a private Redis', () => {
  it('answers on a free port, stops, and comes back on the same port', async () => {
    const first = await startPrivateRedis();
    try {
      expect(first.url).toBe(`redis://127.0.0.1:${first.port}`);
      await first.stop();
      await expect(listening(first.port)).resolves.toBe(false);
      const again = await startPrivateRedis({ port: first.port });
      await expect(listening(again.port)).resolves.toBe(true);
      await again.stop();
    } finally {
      await first.stop();
    }
  });
});

describe('ports and prefixes', () => {
  it('freePort gives a port nothing listens on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    await expect(listening(port)).resolves.toBe(false);
  });

  it('uniqueTopicPrefix gives each caller a prefix of its own', () => {
    expect(uniqueTopicPrefix('bench')).toMatch(/^bench-[0-9a-f]{8}\.$/);
    expect(uniqueTopicPrefix('bench')).not.toBe(uniqueTopicPrefix('bench'));
  });
});

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
