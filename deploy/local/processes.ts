import { spawn, spawnSync, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds with one decimal, for messages: 8.2 s. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** True when a process with this pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; a zombie has exited and only waits to be reaped.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** The command line of a process (arguments joined by spaces), or undefined if it cannot be read. */
export function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether something accepts a TCP connection on host:port within timeoutMs. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitForPortOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Called between attempts; throw from it to stop waiting early (e.g. the process died). */
  check?: () => void;
}

/** Polls a TCP connect until it succeeds; throws after timeoutMs. Returns the time waited in ms. */
export async function waitForPort(host: string, port: number, options: WaitForPortOptions): Promise<number> {
  const started = Date.now();
  const interval = options.intervalMs ?? 250;
  for (;;) {
    if (await canConnect(host, port, 1000)) return Date.now() - started;
    options.check?.();
    if (Date.now() - started > options.timeoutMs) {
      throw new Error(`nothing accepted connections on ${host}:${port} within ${seconds(options.timeoutMs)}`);
    }
    await sleep(interval);
  }
}

export interface DetachedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr go here (truncated first). */
  logFile: string;
}

/**
 * Starts a long-running process in its own process group (and session), with its output
 * in a file, and lets this Node process exit without it. Returns its pid.
 */
export function spawnDetached(command: string, args: string[], options: DetachedOptions): number {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.openSync(options.logFile, 'w');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    // A spawn failure (ENOENT) is reported asynchronously; pid is then undefined.
    child.on('error', () => undefined);
    if (child.pid === undefined) throw new Error(`could not start ${command} (is it installed and on PATH?)`);
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

/** TERM, wait up to graceMs for it to go, then KILL. Resolves to how it ended. */
export async function stopPid(pid: number, graceMs = 15_000): Promise<'not-running' | 'terminated' | 'killed'> {
  if (!isAlive(pid)) return 'not-running';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'not-running';
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'terminated';
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'terminated';
  }
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  return 'killed';
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command to completion, collecting stdout and stderr together. Never throws on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          output += `\n[timed out after ${seconds(options.timeoutMs!)}]`;
          child.kill('SIGKILL');
        }, options.timeoutMs)
      : undefined;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: output + String(error.message) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** Like run, but throws with the command's output when it fails. Returns the output. */
export async function runOrThrow(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<string> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`\`${[command, ...args].join(' ')}\` exited with ${result.code}:\n${indent(lastLines(result.output, 30))}`);
  }
  return result.output;
}

/** Whether an executable is on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** The pid of whatever listens on a local TCP port, if `ss` can tell. */
export function listenerPid(port: number): number | undefined {
  const result = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(result.stdout ?? '');
  return match ? Number(match[1]) : undefined;
}

export function lastLines(text: string, count: number): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return lines.slice(-count).join('\n');
}

/** The last lines of a file, or a note that it does not exist. */
export function tailFile(file: string, count = 40): string {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    try {
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, size - length);
      return lastLines(buffer.toString('utf8'), count) || '(empty)';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return `(no ${file})`;
  }
}

export const indent = (text: string, prefix = '    '): string =>
  text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');

/** apt-get install, as root or through sudo. */
export async function aptInstall(packages: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [command, prefix] = asRoot ? ['apt-get', [] as string[]] : ['sudo', ['-n', 'apt-get']];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOrThrow(command, [...prefix, 'update'], { env, timeoutMs: 300_000 });
  await runOrThrow(command, [...prefix, 'install', '-y', '--no-install-recommends', ...packages], { env, timeoutMs: 600_000 });
}

/**
 * Runs fn while holding an exclusive lock file, so that two `up`s at once (a CLI and a
 * jest run) do not both start a broker. A lock whose holder has died is taken over.
 */
export async function withLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readPidFile(file);
      if (holder === undefined || holder === process.pid || !isAlive(holder)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`another infra:up (pid ${holder}) still holds ${file} after ${seconds(timeoutMs)}`);
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPidFile(file) === process.pid) fs.rmSync(file, { force: true });
  }
}
