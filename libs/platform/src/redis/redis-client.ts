import { Redis } from 'ioredis';

export interface RedisLogger {
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
}

/**
 * The service's Redis client. Lazy: nothing connects until first use, so a service
 * starts (and reports `redis: down`) while Redis is away. No offline queue: a command
 * sent while disconnected fails at once instead of waiting, so health answers fast.
 * It reconnects by itself, backing off up to 2 s.
 */
export function createRedisClient(url: string, connectionName: string, logger?: RedisLogger): Redis {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectionName,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect to stderr; log one line per outage.
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger?.warn({ err: error }, 'redis connection lost');
  });
  client.on('ready', () => {
    if (down) logger?.info({}, 'redis connection restored');
    down = false;
  });
  return client;
}

/** Connects a lazy client if it has not connected yet; a no-op otherwise. */
export async function ensureRedisConnected(client: Redis): Promise<void> {
  if (client.status === 'wait') await client.connect();
}

/** Closes the client: politely when connected, at once otherwise. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}

/**
 * The BullMQ key prefix of a service's queues: `bull`, or `bull-<topic prefix>` when the
 * service runs under a topic prefix (tests), so suites sharing one Redis never take each
 * other's jobs.
 */
export function bullPrefixFor(topicPrefix: string | undefined): string {
  return topicPrefix ? `bull-${topicPrefix.replace(/[^A-Za-z0-9_-]/g, '_')}` : 'bull';
}
