/**
 * jest globalSetup of the integration and end-to-end tiers: brings up Kafka (with the
 * catalogue topics), PostgreSQL (with the service databases) and Redis, from where
 * TEST_INFRA says (see test-infra.ts; README, "Tests"):
 *
 * - local: runs `deploy/local/cli.ts up`, the very command behind `npm run infra:up`, which
 *   reuses whatever already runs. Quiet unless it had to start something. It never stops them
 *   at the end: the next run reuses them, and CI's `.ci/run` calls `npm run infra:down`.
 * - containers: starts the three in containers (containers.ts), runs `deploy/local/cli.ts
 *   prepare` on them (the same topic and database code as `up`), and publishes their addresses
 *   as TEST_KAFKA_BROKERS, TEST_POSTGRES_ADMIN_URL and TEST_REDIS_URL in process.env, which the
 *   jest workers (started after this) and the services the end-to-end tier spawns inherit, and
 *   which libs/provisioning/src/infrastructure.ts reads. global-teardown.ts stops them.
 *
 * It runs the deploy/local commands in a child process on purpose: jest may run the tests in
 * this same process, and the infrastructure code loads the contracts, class-validator and
 * reflect-metadata, whose process-wide registries must not be shared with the tests.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StartedContainers } from './containers';
import { chooseTestInfra, containerEnvironment, containerRuntimeMayAnswer, parseTestInfraMode, TestInfra, TestInfraEnvironment } from './test-infra';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** How long `auto` and `containers` wait for a container runtime to answer. */
const RUNTIME_PROBE_TIMEOUT_MS = 3_000;

/** Shared by the tiers' global setups and teardowns of one jest run (they run in the same process). */
export interface TestInfraState {
  infra?: Promise<TestInfra>;
  containers?: StartedContainers;
}
const STATE_KEY = Symbol.for('grievance.test-infra');
export function testInfraState(): TestInfraState {
  const holder = globalThis as { [STATE_KEY]?: TestInfraState };
  return (holder[STATE_KEY] ??= {});
}

/** Which infrastructure TEST_INFRA asks for on this machine (testcontainers is loaded only if a runtime may answer, or when forced). */
export function resolveTestInfra(env: NodeJS.ProcessEnv = process.env): Promise<TestInfra> {
  return chooseTestInfra(parseTestInfraMode(env.TEST_INFRA), {
    mayAnswer: () =>
      containerRuntimeMayAnswer({ env, platform: process.platform, homedir: os.homedir(), uid: os.userInfo().uid, exists: (file) => fs.existsSync(file) }),
    probe: async () => (await import('./containers')).probeContainerRuntime(RUNTIME_PROBE_TIMEOUT_MS),
  });
}

export default async function globalSetup(): Promise<void> {
  const state = testInfraState();
  // Both tiers' setups may run in one jest run: the second reuses the first's decision and containers.
  const first = state.infra === undefined;
  state.infra ??= resolveTestInfra();
  const infra = await state.infra;
  if (infra === 'local') return localInfraUp();
  if (!first) return;
  const started = Date.now();
  const { CONTAINER_IMAGES, startContainers } = await import('./containers');
  const env = await containersUp(state, startContainers);
  process.stderr.write(
    `\ninfra for the tests: containers (${Object.values(CONTAINER_IMAGES).join(', ')}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `  kafka ${env.TEST_KAFKA_BROKERS}   postgres ${env.TEST_POSTGRES_ADMIN_URL}   redis ${env.TEST_REDIS_URL}\n`,
  );
}

async function localInfraUp(): Promise<void> {
  const output = await runInfraCli(['up'], 'npm run infra:up');
  if (/\bstarted in\b/.test(output)) {
    process.stderr.write(`\ninfra for the tests (left running; npm run infra:down stops what it started):\n${output}\n`);
  }
}

/**
 * The containers branch: starts them, creates the catalogue topics and the service databases
 * on them with deploy/local's code, and publishes their addresses in process.env. Keeps them
 * in `state` for `stopContainers`; stops them itself if the preparation fails.
 */
export async function containersUp(state: TestInfraState, start: () => Promise<StartedContainers>): Promise<TestInfraEnvironment> {
  const containers = await start();
  const env = containerEnvironment(containers.addresses);
  try {
    await runInfraCli(['prepare', '--kafka', env.TEST_KAFKA_BROKERS, '--postgres', env.TEST_POSTGRES_ADMIN_URL], 'deploy/local/cli.ts prepare');
  } catch (error) {
    await containers.stop();
    throw error;
  }
  state.containers = containers;
  Object.assign(process.env, env);
  return env;
}

/** Stops the containers `containersUp` started, if any (the global teardown). */
export async function stopContainers(state: TestInfraState): Promise<void> {
  const containers = state.containers;
  delete state.containers;
  await containers?.stop();
}

/** Runs `deploy/local/cli.ts <args>` with tsx; resolves to what it printed, rejects with it. */
async function runInfraCli(args: string[], what: string): Promise<string> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join(ROOT, 'deploy', 'local', 'cli.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${what} failed (exit ${code}):\n${text}`))));
  });
}
