/**
 * jest globalSetup of the "integration" project (jest.config.js): brings up Kafka (with
 * the catalogue topics), PostgreSQL (with the service databases) and Redis through
 * deploy/local/infra.ts, the same code as `npm run infra:up`, reusing whatever already
 * runs; quiet unless it had to start something. It never stops them at the end: the next
 * run reuses them, and CI's `.ci/run` calls `npm run infra:down`.
 *
 * deploy/local is repository tooling, not a library: it is loaded by a computed path so
 * that neither the lib's build (rootDir src) nor the module-boundary lint follows it.
 * globalSetup runs outside jest's module registry, so jest's moduleNameMapper does not
 * apply here: the `@grievance/*` imports of deploy/local are resolved by a small hook
 * (the same mapping as jest.config.js and tsconfig.base.json), removed again afterwards.
 */
import Module from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const INFRA_MODULE = path.join(ROOT, 'deploy', 'local', 'infra');

/** The part of deploy/local/infra.ts used here. */
interface InfraModule {
  infraUp(options: { quiet?: boolean }): Promise<{ totalMs: number } & Record<'kafka' | 'postgres' | 'redis', { status: string }>>;
}

type ResolveFilename = (request: string, parent: unknown, ...rest: unknown[]) => string;

function mapWorkspaceAliases(): () => void {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (this: unknown, request: string, parent: unknown, ...rest: unknown[]): string {
    const alias = /^@grievance\/([a-z0-9-]+)$/.exec(request);
    const target = alias ? path.join(ROOT, 'libs', alias[1]!, 'src', 'index.ts') : request;
    return original.call(this, target, parent, ...rest);
  };
  return () => {
    loader._resolveFilename = original;
  };
}

/**
 * kafkajs 2.2.4 hands setTimeout a negative delay on each connection, which Node 24 reports
 * as a TimeoutNegativeWarning (tulios/kafkajs#1751, harmless). Hide that one while we run.
 */
function hideKafkajsTimeoutWarning(): () => void {
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  const filter = (warning: Error) => {
    if (warning.name !== 'TimeoutNegativeWarning') for (const listener of listeners) listener(warning);
  };
  process.on('warning', filter);
  return () => {
    process.removeListener('warning', filter);
    for (const listener of listeners) process.on('warning', listener);
  };
}

export default async function globalSetup(): Promise<void> {
  const restoreResolver = mapWorkspaceAliases();
  const restoreWarnings = hideKafkajsTimeoutWarning();
  const restore = () => {
    restoreResolver();
    // Warnings are emitted on the next tick: let kafkajs's last ones pass the filter first.
    setImmediate(restoreWarnings);
  };
  try {
    const { infraUp } = require(INFRA_MODULE) as InfraModule;
    const result = await infraUp({ quiet: true });
    const started = (['kafka', 'postgres', 'redis'] as const).filter((name) => result[name].status === 'started');
    if (started.length) {
      process.stderr.write(`\ninfra: started ${started.join(', ')} for the integration tests in ${(result.totalMs / 1000).toFixed(1)} s (left running; npm run infra:down stops them)\n`);
    }
  } finally {
    restore();
  }
}
