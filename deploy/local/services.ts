/**
 * The five services as separate processes, the way `npm start` runs them and the
 * end-to-end tier drives them. Each runs its built entry point
 * (`services/<name>/dist/main.js`, from `npm run build`) with its own port.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prettyFactory } from 'pino-pretty';
import { ROOT } from './paths';
import { indent, seconds, sleep, tailFile } from './processes';

export interface ServiceSpec {
  name: string;
  port: number;
}

/** The services and their default ports (API.md, "Running"). */
export const SERVICES: readonly ServiceSpec[] = [
  { name: 'intake', port: 3001 },
  { name: 'routing', port: 3002 },
  { name: 'grid-dispatch', port: 3003 },
  { name: 'feedback', port: 3004 },
  { name: 'audit', port: 3005 },
];

export interface StartServicesOptions {
  /** Added to every service's environment (on top of this process's). */
  env?: Record<string, string>;
  /** Added to one service's environment, by service name (e.g. its own DATABASE_URL). */
  serviceEnv?: Record<string, Record<string, string>>;
  /** A port per service name, instead of the defaults. */
  ports?: Record<string, number>;
  /**
   * 'console': each line of a service's output on this process's stdout, prefixed with its
   * name and made readable (npm start); 'json': the same, the lines as the services write them
   * (npm start -- --json); otherwise a folder where each service writes <name>.log (tests).
   */
  output: 'console' | 'json' | { logDir: string };
  readyTimeoutMs?: number;
  /**
   * A city's directory files (a folder or a file, e.g. DEMO_CITY_DIR) imported into routing
   * once every service is healthy, through routing's built `directory:import`.
   */
  directory?: string;
}

export interface RunningService extends ServiceSpec {
  url: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after the grace period. Resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once: a crash. */
  kill(): Promise<void>;
  readonly logFile?: string;
}

/**
 * kafkajs 2.2.4 hands setTimeout a negative delay, which Node 24 reports on stderr as a
 * TimeoutNegativeWarning (kafkajs#1751); it is harmless, so it is not shown.
 */
export const NODE_FLAGS = ['--enable-source-maps', '--disable-warning=TimeoutNegativeWarning'];

export function entryPoint(name: string): string {
  return path.join(ROOT, 'services', name, 'dist', 'main.js');
}

/** Starts every service and resolves when each answers 200 on /health; stops them all if one does not. */
export async function startServices(options: StartServicesOptions): Promise<RunningService[]> {
  const missing = SERVICES.filter((s) => !fs.existsSync(entryPoint(s.name)));
  if (missing.length) {
    throw new Error(`not built: ${missing.map((s) => entryPoint(s.name)).join(', ')} (run npm run build)`);
  }
  const running = SERVICES.map((spec) => startService({ ...spec, port: options.ports?.[spec.name] ?? spec.port }, options));
  try {
    await Promise.all(running.map((service) => waitUntilHealthy(service, options.readyTimeoutMs ?? 60_000)));
    if (options.directory) {
      const report = await importDirectory(options.directory, options);
      if (options.output === 'console') console.log(report);
    }
    return running;
  } catch (error) {
    await Promise.all(running.map((service) => service.stop()));
    throw error;
  }
}

/**
 * Imports a city's directory into routing (the directory's one owner) with the built
 * `services/routing/dist/import-directory.js`, in routing's environment; resolves with what
 * it printed, rejects with its problems (every one naming its file, row and field).
 */
export async function importDirectory(cityPath: string, options: Pick<StartServicesOptions, 'env' | 'serviceEnv'>, extraArgs: string[] = []): Promise<string> {
  const script = path.join(ROOT, 'services', 'routing', 'dist', 'import-directory.js');
  const { code, output } = await runToEnd([script, cityPath, ...extraArgs], { ...options.env, ...options.serviceEnv?.routing });
  if (code !== 0) throw new Error(`directory import of ${cityPath} failed:\n${output}`);
  return output;
}

/**
 * Migrates a service's database with its built entry point and `MIGRATE_ONLY=true` (what the
 * Kubernetes initContainer runs), without starting it: `env` names the database (DATABASE_URL).
 */
export async function migrateDatabase(name: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!fs.existsSync(entryPoint(name))) throw new Error(`not built: ${entryPoint(name)} (run npm run build)`);
  const { code, output } = await runToEnd([entryPoint(name)], { ...env, MIGRATE_ONLY: 'true' });
  if (code !== 0) throw new Error(`migrating ${name}'s database failed:\n${output}`);
}

/** Runs a built script of this checkout to its end; resolves with its exit code and what it printed. */
async function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output: output.trim() };
}

export function startService(spec: ServiceSpec, options: StartServicesOptions): RunningService {
  const logFile = typeof options.output === 'string' ? undefined : path.join(options.output.logDir, `${spec.name}.log`);
  const out = logFile ? (fs.mkdirSync(path.dirname(logFile), { recursive: true }), fs.openSync(logFile, 'a')) : undefined;
  const child = spawn(process.execPath, [...NODE_FLAGS, entryPoint(spec.name)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, ...options.serviceEnv?.[spec.name], PORT: String(spec.port) },
    stdio: ['ignore', out ?? 'pipe', out ?? 'pipe'],
  });
  if (out !== undefined) fs.closeSync(out);
  if (!logFile) {
    const format = options.output === 'console' ? readableLine : (line: string) => line;
    prefixLines(child.stdout, spec.name, process.stdout, format);
    prefixLines(child.stderr, spec.name, process.stderr, format);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (sig: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    ...spec,
    url: `http://127.0.0.1:${spec.port}`,
    child,
    logFile,
    stop: (graceMs = 10_000) => signal('SIGTERM', graceMs),
    kill: () => signal('SIGKILL', 0),
  };
}

/** Polls GET /health until it answers 200; fails with the service's last log lines. */
export async function waitUntilHealthy(service: RunningService, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < timeoutMs) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode}) before it was healthy${logTail(service)}`);
    }
    try {
      const response = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return Date.now() - started;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${service.name} was not healthy within ${seconds(timeoutMs)} (last: ${last})${logTail(service)}`);
}

function logTail(service: RunningService): string {
  return service.logFile ? `\n${indent(tailFile(service.logFile, 20))}` : '';
}

const prettify = prettyFactory({
  colorize: Boolean(process.stdout.isTTY),
  translateTime: 'SYS:HH:MM:ss.l',
  // The prefix already names the service; pid and host are the same on every line.
  ignore: 'pid,hostname,service',
  singleLine: true,
});

/** A service's JSON log line as a person reads it (time, level, context, message, fields); other lines as they are. */
export function readableLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    return prettify(JSON.parse(line)).replace(/\n$/, '');
  } catch {
    return line;
  }
}

function prefixLines(stream: NodeJS.ReadableStream | null, name: string, to: NodeJS.WritableStream, format: (line: string) => string): void {
  if (!stream) return;
  let partial = '';
  const label = `${name.padEnd(13)}| `;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) to.write(label + format(line) + '\n');
  });
  stream.on('end', () => {
    if (partial) to.write(label + format(partial) + '\n');
  });
}

/** The console (the browser's one origin) and its default port. */
export const CONSOLE: ServiceSpec = { name: 'console', port: 3000 };

/**
 * Starts the console's server in front of the running services (their URLs as
 * INTAKE_URL, …) and resolves once it answers /health.
 */
export async function startConsole(services: RunningService[], options: StartServicesOptions & { port?: number }): Promise<RunningService> {
  if (!fs.existsSync(entryPoint(CONSOLE.name))) throw new Error(`not built: ${entryPoint(CONSOLE.name)} (run npm run build)`);
  const upstreams = Object.fromEntries(services.map((s) => [`${s.name.toUpperCase().replace(/-/g, '_')}_URL`, s.url]));
  const running = startService({ ...CONSOLE, port: options.port ?? CONSOLE.port }, { ...options, env: { ...options.env, ...upstreams } });
  try {
    await waitUntilHealthy(running, options.readyTimeoutMs ?? 30_000);
    return running;
  } catch (error) {
    await running.stop();
    throw error;
  }
}
