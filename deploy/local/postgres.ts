/** The local PostgreSQL: checked, started if down (installed if missing), and the services' databases. */
import * as fs from 'node:fs';
import { Client, ClientConfig } from 'pg';
import { ensureDatabase as ensureDatabaseAt } from '@grievance/platform';
import { aptInstall, hasCommand, indent, runOrThrow, seconds, sleep } from './processes';

export const POSTGRES_HOST = '127.0.0.1';
export const POSTGRES_PORT = 5432;
export const POSTGRES_USER = 'postgres';

/** Where a PostgreSQL server answers and as whom. */
export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  /** None for trust auth (the local server). */
  password?: string;
}

/** The local server: 127.0.0.1:5432, user postgres, trust auth. */
export const LOCAL_POSTGRES: PostgresServer = { host: POSTGRES_HOST, port: POSTGRES_PORT, user: POSTGRES_USER };

/** Connection settings for a database on the local server (trust auth, user postgres). */
export function postgresConfig(database = 'postgres'): ClientConfig {
  return { host: POSTGRES_HOST, port: POSTGRES_PORT, user: POSTGRES_USER, database, connectionTimeoutMillis: 3000 };
}

/** postgres://<user>[:<password>]@<host>:<port>/<database>; by default on the local server (postgres://postgres@127.0.0.1:5432/<database>). */
export function postgresUrl(database: string, server: PostgresServer = LOCAL_POSTGRES): string {
  const credentials = encodeURIComponent(server.user) + (server.password === undefined ? '' : `:${encodeURIComponent(server.password)}`);
  return `postgres://${credentials}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
}

/** The server a postgres:// URL points at (its database, if any, is ignored). */
export function postgresServerOf(url: string): PostgresServer {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error(`not a postgres:// URL: ${url}`);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.username ? decodeURIComponent(parsed.username) : POSTGRES_USER,
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
}

/** One database per service (each owns its data; none reads another's tables): the defaults of their DATABASE_URL. */
export const SERVICE_DATABASES = ['grievance_intake', 'grievance_routing', 'grievance_grid_dispatch', 'grievance_feedback', 'grievance_audit'] as const;
export type ServiceDatabase = (typeof SERVICE_DATABASES)[number];

/** Creates a database on the server (the local one by default) if it does not exist yet; resolves to true when it created it (safe when racing). */
export async function ensureDatabase(name: string, server: PostgresServer = LOCAL_POSTGRES): Promise<boolean> {
  return ensureDatabaseAt(postgresUrl(name, server));
}

/** Every service database on the server (the local one by default); resolves to the names it created. */
export async function ensureServiceDatabases(server: PostgresServer = LOCAL_POSTGRES): Promise<string[]> {
  const created: string[] = [];
  for (const name of SERVICE_DATABASES) if (await ensureDatabase(name, server)) created.push(name);
  return created;
}

async function withClient<T>(database: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(postgresConfig(database));
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether `SELECT 1` as postgres succeeds. Resolves to the error message when it does not. */
export async function postgresAccepts(): Promise<true | string> {
  try {
    await withClient('postgres', (client) => client.query('SELECT 1'));
    return true;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

/** The installed cluster versions (folders of /etc/postgresql), newest first. */
function clusterVersions(): string[] {
  try {
    return fs
      .readdirSync('/etc/postgresql')
      .filter((v) => fs.existsSync(`/etc/postgresql/${v}/main`))
      .sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

function pgCtlCluster(version: string, action: 'start' | 'stop' | 'reload'): Promise<string> {
  return runOrThrow('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { timeoutMs: 120_000 });
}

/**
 * After a fresh apt install Debian's pg_hba.conf asks for a password over TCP; the local
 * set-up (like the CI machines) uses trust auth for the loopback addresses.
 */
function trustLoopback(version: string): void {
  const file = `/etc/postgresql/${version}/main/pg_hba.conf`;
  const rules = [
    '# Added by deploy/local/postgres.ts: trust auth on the loopback interface for local development and CI.',
    'host    all             all             127.0.0.1/32            trust',
    'host    all             all             ::1/128                 trust',
    '',
  ].join('\n');
  const current = fs.readFileSync(file, 'utf8');
  if (!current.includes('Added by deploy/local/postgres.ts')) fs.writeFileSync(file, rules + current);
}

export interface PostgresUpResult {
  address: string;
  status: 'reused' | 'started';
  startMs?: number;
  installed?: boolean;
  /** The cluster version started (what `down` stops). */
  version?: string;
  databasesCreated: string[];
}

const address = `${POSTGRES_HOST}:${POSTGRES_PORT}`;

/** Makes sure PostgreSQL accepts connections and the service databases exist. */
export async function postgresUp(log: (line: string) => void = () => undefined): Promise<PostgresUpResult> {
  const first = await postgresAccepts();
  if (first === true) return { address, status: 'reused', databasesCreated: await ensureServiceDatabases() };

  const started = Date.now();
  let installed = false;
  if (!hasCommand('pg_ctlcluster') || clusterVersions().length === 0) {
    log('postgres  not installed: apt-get install -y postgresql ...');
    await aptInstall(['postgresql']);
    installed = true;
  }
  const version = clusterVersions()[0];
  if (!version) throw new Error('postgresql is installed but /etc/postgresql holds no cluster (expected <version>/main)');
  if (installed) trustLoopback(version);

  // apt may already have started it (then reload the new pg_hba.conf).
  const status = await runOrThrow('pg_lsclusters', ['-h'], { timeoutMs: 10_000 }).catch(() => '');
  const online = status.split('\n').some((l) => l.startsWith(`${version} `) && /\bonline\b/.test(l));
  if (online && !installed) {
    // Running, yet `SELECT 1` fails: starting it again will not help.
    throw new Error(`postgres cluster ${version}/main is running but refuses \`SELECT 1\` as ${POSTGRES_USER} on ${address}:\n${indent(first)}`);
  }
  if (online) await pgCtlCluster(version, 'reload');
  else await pgCtlCluster(version, 'start');

  let last: true | string = first;
  for (let i = 0; i < 60; i++) {
    last = await postgresAccepts();
    if (last === true) break;
    await sleep(500);
  }
  if (last !== true) {
    throw new Error(
      `postgres did not accept connections on ${address} after \`pg_ctlcluster ${version} main start\` (${seconds(Date.now() - started)}):\n${indent(last)}`,
    );
  }
  return { address, status: 'started', startMs: Date.now() - started, installed, version, databasesCreated: await ensureServiceDatabases() };
}

export async function postgresDown(version: string): Promise<void> {
  await pgCtlCluster(version, 'stop');
}

export async function postgresStatus(): Promise<{ address: string; up: boolean; error?: string }> {
  const accepts = await postgresAccepts();
  return accepts === true ? { address, up: true } : { address, up: false, error: accepts };
}
