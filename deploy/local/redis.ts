/** The local Redis: checked with PING, started if down (installed if missing). */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { aptInstall, commandLine, hasCommand, indent, isAlive, runOrThrow, seconds, sleep, stopPid } from './processes';

export const REDIS_HOST = '127.0.0.1';
export const REDIS_PORT = 6379;
export const REDIS_URL = `redis://${REDIS_HOST}:${REDIS_PORT}`;

const address = `${REDIS_HOST}:${REDIS_PORT}`;
const REDIS_DIR = '/var/lib/redis';
const REDIS_LOG = '/var/log/redis/ci.log';

/** Sends one inline command on a raw socket and resolves to the raw reply (no client library needed). */
function redisCommand(command: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: REDIS_HOST, port: REDIS_PORT });
    let reply = '';
    const finish = (error?: Error) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no reply to ${command} within ${timeoutMs} ms`)));
    socket.once('error', (error) => finish(error));
    socket.once('connect', () => socket.write(command + '\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      // A simple or error reply ends at its first CRLF; a bulk reply ($<len>) once its body is in.
      const bulk = /^\$(-?\d+)\r\n/.exec(reply);
      if (bulk ? Number(bulk[1]) < 0 || Buffer.byteLength(reply) >= bulk[0].length + Number(bulk[1]) + 2 : reply.includes('\r\n')) finish();
    });
  });
}

/** Whether PING answers PONG. Resolves to the reason when it does not. */
export async function redisAccepts(): Promise<true | string> {
  try {
    const reply = await redisCommand('PING');
    return reply.startsWith('+PONG') ? true : `PING answered ${JSON.stringify(reply.trim())}`;
  } catch (error) {
    return (error as Error).message || String(error);
  }
}

/** The pid of the running server, from INFO server. */
async function redisPid(): Promise<number | undefined> {
  try {
    const match = /process_id:(\d+)/.exec(await redisCommand('INFO server'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

export interface RedisUpResult {
  address: string;
  status: 'reused' | 'started';
  pid?: number;
  startMs?: number;
  installed?: boolean;
}

export async function redisUp(log: (line: string) => void = () => undefined): Promise<RedisUpResult> {
  const first = await redisAccepts();
  if (first === true) return { address, status: 'reused', pid: await redisPid() };

  const started = Date.now();
  let installed = false;
  if (!hasCommand('redis-server')) {
    log('redis     not installed: apt-get install -y redis-server ...');
    await aptInstall(['redis-server']);
    installed = true;
    // apt may have started it already.
    if ((await redisAccepts()) === true) return { address, status: 'started', pid: await redisPid(), startMs: Date.now() - started, installed };
  }
  for (const dir of [REDIS_DIR, '/var/log/redis']) fs.mkdirSync(dir, { recursive: true });
  await runOrThrow(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', String(REDIS_PORT), '--save', '', '--appendonly', 'no', '--dir', REDIS_DIR, '--logfile', REDIS_LOG],
    { timeoutMs: 30_000 },
  );
  let last: true | string = first;
  for (let i = 0; i < 60; i++) {
    last = await redisAccepts();
    if (last === true) break;
    await sleep(250);
  }
  if (last !== true) throw new Error(`redis did not answer PING on ${address} within ${seconds(Date.now() - started)}: ${last}\n${indent(tail(REDIS_LOG))}`);
  return { address, status: 'started', pid: await redisPid(), startMs: Date.now() - started, installed };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** Stops the server with this pid, if it still is a redis-server. */
export async function redisDown(pid: number): Promise<'stopped' | 'killed' | 'not-running'> {
  if (!isAlive(pid) || !(commandLine(pid) ?? 'redis-server').includes('redis-server')) return 'not-running';
  const how = await stopPid(pid, 15_000);
  return how === 'killed' ? 'killed' : how === 'terminated' ? 'stopped' : 'not-running';
}

export async function redisStatus(): Promise<{ address: string; up: boolean; pid?: number; error?: string }> {
  const accepts = await redisAccepts();
  return accepts === true ? { address, up: true, pid: await redisPid() } : { address, up: false, error: accepts };
}
