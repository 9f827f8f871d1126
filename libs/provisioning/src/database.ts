import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SHARED_POSTGRES_ADMIN_URL } from './infrastructure';

export interface ThrowawayDatabase {
  /** postgres:// URL of the new database. */
  url: string;
  name: string;
  /** Drops it, closing whatever connections are still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A new, empty database with a unique name on the shared server, for one suite or one bench
 * run. Drop it when done (a suite in `afterAll`); leftovers are recognisable by their `test_`
 * prefix.
 */
export async function createThrowawayDatabase(label = 'db'): Promise<ThrowawayDatabase> {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 24) || 'db';
  const name = `test_${slug}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  let dropped = false;
  return {
    url: databaseUrl(name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Whether a database of that name exists on the shared server. */
export async function databaseExists(name: string): Promise<boolean> {
  const result = await withAdmin((admin) => admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return (result.rowCount ?? 0) > 0;
}

/** A database name nobody has used, for tests of "created when missing". Nothing is created. */
export function unusedDatabaseName(label = 'db'): { name: string; url: string } {
  const name = `test_${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return { name, url: databaseUrl(name) };
}

/** The URL of a database of that name on the shared server. */
function databaseUrl(name: string): string {
  const url = new URL(SHARED_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database by name if it exists (cleanup for tests that let a service create one). */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`));
}

/** Runs one query (or a few) against a database by URL. */
export async function queryDatabase<R extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function withAdmin<T>(fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: SHARED_POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
