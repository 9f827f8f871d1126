/**
 * Local infrastructure from the command line (run with tsx):
 *   npx tsx deploy/local/cli.ts up [--fresh]   Kafka + PostgreSQL + Redis, reusing what runs
 *   npx tsx deploy/local/cli.ts down           stop what `up` started
 *   npx tsx deploy/local/cli.ts status
 *   npx tsx deploy/local/cli.ts prepare --kafka <host:port> --postgres <postgres://user[:password]@host:port>
 *                                              the catalogue topics and service databases on a Kafka and
 *                                              PostgreSQL started elsewhere (the test tier's containers)
 *   npx tsx deploy/local/cli.ts start [--json] infrastructure, then the five built services (npm start);
 *                                              their logs readable, or as the JSON lines they write
 * KAFKA_FRESH=1 works like --fresh. To add a command, add an entry to `commands`.
 */
import { infraDown, infraPrepare, infraStatus, infraUp, postgresServerOf } from './infra';
import { seconds } from './processes';
import { DEMO_CITY_DIR } from './paths';
import { RunningService, startConsole, startServices } from './services';

export interface Command {
  /** One line for the usage text. */
  summary: string;
  /** Resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

const flag = (args: string[], name: string) => args.includes(`--${name}`);

/** The value of `--name value` or `--name=value`; throws naming the option when it is missing. */
function option(args: string[], name: string): string {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (!value || value.startsWith('--')) throw new Error(`--${name} is required`);
  return value;
}

export const commands: Record<string, Command> = {
  up: {
    summary: 'start Kafka, PostgreSQL and Redis (reusing what already runs); --fresh wipes Kafka\'s data',
    async run(args) {
      const result = await infraUp({ fresh: flag(args, 'fresh') || process.env.KAFKA_FRESH === '1' });
      console.log(`infrastructure ready in ${seconds(result.totalMs)}`);
      return 0;
    },
  },
  down: {
    summary: 'stop what `up` started (nothing else)',
    async run() {
      await infraDown();
      return 0;
    },
  },
  start: {
    summary: 'bring the infrastructure up, then run the five built services and the console in the foreground until Ctrl-C; --json shows their log lines as JSON',
    async run(args) {
      await infraUp({});
      const started = Date.now();
      const output = flag(args, 'json') ? 'json' : 'console';
      const apis = await startServices({ output, directory: DEMO_CITY_DIR });
      const consoleServer = await startConsole(apis, { output, port: process.env.CONSOLE_PORT ? Number(process.env.CONSOLE_PORT) : undefined }).catch(async (error: unknown) => {
        await Promise.all(apis.map((s) => s.stop()));
        throw error;
      });
      const services = [...apis, consoleServer];
      console.log(`\nall five services and the console healthy in ${seconds(Date.now() - started)}:`);
      for (const s of apis) console.log(`  ${s.name.padEnd(14)} ${s.url}   (${s.url}/docs)`);
      console.log(`\n  the console:   ${consoleServer.url.replace('127.0.0.1', 'localhost')}   (sign in as a demo persona; 中文 / English)\n`);
      console.log('Ctrl-C stops them; `npm run infra:down` stops the infrastructure.\n');
      reportUnexpectedExits(services);
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      console.log(`\n${signal}: stopping the services`);
      await Promise.all(services.map((s) => s.stop()));
      return 0;
    },
  },
  prepare: {
    summary: 'create the catalogue topics and the service databases on a Kafka and PostgreSQL started elsewhere: --kafka host:port[,...] --postgres postgres://user[:password]@host:port',
    async run(args) {
      const result = await infraPrepare({
        kafkaBrokers: option(args, 'kafka').split(',').map((b) => b.trim()).filter(Boolean),
        postgres: postgresServerOf(option(args, 'postgres')),
      });
      console.log(`${result.topicsCreated.length} topics created; databases created: ${result.databasesCreated.join(', ') || 'none'}`);
      for (const warning of result.warnings) console.warn(`kafka     warning: ${warning}`);
      return 0;
    },
  },
  status: {
    summary: 'show whether each is up and who started it (exit 1 if any is down)',
    async run() {
      const status = await infraStatus();
      for (const line of status.lines) console.log(line);
      return status.up ? 0 : 1;
    },
  },
};

/** A service that dies while the others run is said loudly, not left to be noticed. */
function reportUnexpectedExits(services: RunningService[]): void {
  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  process.once('SIGTERM', () => (stopping = true));
  for (const service of services) {
    service.child.once('exit', (code, signal) => {
      if (!stopping) console.error(`\n!! ${service.name} exited (${code ?? signal}); the others keep running\n`);
    });
  }
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return ['usage: tsx deploy/local/cli.ts <command> [options]', '', ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    console.error(`\n${name} FAILED:\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * kafkajs 2.2.4 passes a negative delay to setTimeout on every connection, which Node 24
 * reports as a TimeoutNegativeWarning (tulios/kafkajs#1751; harmless). Print every other warning.
 */
function hideKafkajsTimeoutWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'TimeoutNegativeWarning') console.error(`(node:${process.pid}) ${warning.name}: ${warning.message}`);
  });
}

if (require.main === module) {
  hideKafkajsTimeoutWarning();
  // Exit explicitly: a lingering socket must not keep the CLI alive once the work is done.
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
