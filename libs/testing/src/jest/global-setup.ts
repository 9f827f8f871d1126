/**
 * jest globalSetup of the integration and end-to-end tiers: brings up Kafka (with the
 * catalogue topics), PostgreSQL (with the service databases) and Redis by running
 * `deploy/local/cli.ts up`, the very command behind `npm run infra:up`, which reuses
 * whatever already runs. Quiet unless it had to start something. It never stops them at
 * the end: the next run reuses them, and CI's `.ci/run` calls `npm run infra:down`.
 *
 * It runs the command in a child process on purpose: jest may run the tests in this same
 * process, and the infrastructure code loads the contracts, class-validator and
 * reflect-metadata, whose process-wide registries must not be shared with the tests.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join(ROOT, 'deploy', 'local', 'cli.ts'), 'up'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`npm run infra:up failed (exit ${code}):\n${text}`)),
    );
  });
  if (/\bstarted in\b/.test(output)) {
    process.stderr.write(`\ninfra for the tests (left running; npm run infra:down stops what it started):\n${output}\n`);
  }
}
