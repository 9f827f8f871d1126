/**
 * The services' databases on the local PostgreSQL, and a helper to create one. The one
 * home of that list: deploy/local (npm run infra:up, and the jest global setup through
 * it) creates them from here, tests and tooling reuse it. Depends on `pg` only, so that
 * deploy/local can import this file without the rest of the test harness.
 */
import { Client } from 'pg';

/** One database per service (each owns its data; none reads another's tables). */
export const SERVICE_DATABASES = [
  'grievance_intake',
  'grievance_routing',
  'grievance_grid_dispatch',
  'grievance_feedback',
  'grievance_audit',
] as const;
export type ServiceDatabase = (typeof SERVICE_DATABASES)[number];

/** The local server's maintenance database as superuser (trust auth on 127.0.0.1). */
export const LOCAL_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates the database if it does not exist yet; resolves to true when it created it.
 * Safe to call concurrently (a lost race counts as "already there").
 */
export async function ensureDatabase(name: string, adminUrl: string = LOCAL_POSTGRES_ADMIN_URL): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name "${name}" must be lower-case letters, digits and underscores`);
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } catch (error) {
    // 42P04 duplicate_database: created by someone else meanwhile.
    if ((error as { code?: string }).code === '42P04') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every service database; resolves to the names it created. */
export async function ensureServiceDatabases(adminUrl: string = LOCAL_POSTGRES_ADMIN_URL): Promise<string[]> {
  const created: string[] = [];
  for (const name of SERVICE_DATABASES) if (await ensureDatabase(name, adminUrl)) created.push(name);
  return created;
}
