/**
 * Imports a city's directory (a folder of GeoJSON and CSV files, or one such file) into
 * routing, the directory's one owner, all or nothing:
 *
 *     npm run directory:import -- deploy/seed/demo-city [--dry-run]
 *
 * The files are read and every row checked first; then the entries go through the same
 * checks as the admin API in one transaction of routing's database, whose outbox publishes
 * each changed entry on directory.entry-changed.v1 (the running routing service's relay
 * sends them; every service keeping a copy applies them). Any problem: nothing is written,
 * and each is printed with its file, row and field. The same files again change nothing.
 * The database and broker come from routing's environment (services/routing/.env.example).
 */
import { CityProblem, describeProblem, readCityFiles } from '@grievance/directory-seed';
import { KafkaConnection, TransactionalOutbox, departmentTopicsToCreate } from '@grievance/messaging';
import { Clock, kafkaSettingsFrom, loadConfig, openServiceDatabase } from '@grievance/platform';
import { RoutingConfig } from './config';
import { DirectoryImporter, importDirectory, ImportSummary } from './directory/directory-import';
import { DirectoryEntriesRepository } from './directory/directory-entries.repository';
import { DirectoryWriter } from './directory/directory-writer';
import { ROUTING_ENTITIES } from './entities';
import { ROUTING_MIGRATIONS } from './migrations';

export interface ImportRun extends ImportSummary {
  files: string[];
  topics: string[];
}

export const IMPORT_ACTOR = { id: 'directory-import', role: 'admin' } as const;

/** Reads, checks and imports; problems come back in the result (nothing written then). */
export async function importCity(config: RoutingConfig, path: string, options: { dryRun?: boolean } = {}): Promise<ImportRun> {
  const read = readCityFiles(path);
  const refused = (problems: CityProblem[]): ImportRun => ({ entries: read.entries.length, changed: 0, unchanged: 0, problems, applied: false, files: read.files, topics: [] });
  if (read.problems.length > 0) return refused(read.problems);
  let topics: string[] = [];
  if (!options.dryRun) {
    // Each department's topic exists before any grievance can be routed to it.
    const codes = read.entries.filter((e) => e.state.kind === 'department').map((e) => e.state.id);
    const kafka = new KafkaConnection(kafkaSettingsFrom(config));
    try {
      topics = await kafka.ensureTopics(departmentTopicsToCreate(codes));
    } finally {
      await kafka.disconnect();
    }
  }
  const dataSource = await openServiceDatabase({
    url: config.DATABASE_URL,
    entities: ROUTING_ENTITIES,
    migrations: ROUTING_MIGRATIONS,
    applicationName: `${config.SERVICE_NAME}-directory-import`,
  });
  try {
    // The writes run in one unit of work of this database: the outbox's transaction, current for the entries' repository.
    const outbox = new TransactionalOutbox(dataSource);
    const entries = new DirectoryEntriesRepository(dataSource);
    const importer: DirectoryImporter = { run: (work) => outbox.run(work), writer: new DirectoryWriter(new Clock(), entries), entries };
    const summary = await importDirectory(importer, read.entries, { actor: IMPORT_ACTOR, dryRun: options.dryRun });
    return { ...summary, files: read.files, topics };
  } finally {
    await dataSource.destroy();
  }
}

/** The lines `directory:import` prints. */
export function describeImport(path: string, run: ImportRun, dryRun: boolean): string {
  if (run.problems.length > 0) {
    return [`${path}: refused, nothing imported (${run.problems.length} problem${run.problems.length === 1 ? '' : 's'}):`, ...run.problems.map((p) => `  ${describeProblem(p)}`)].join('\n');
  }
  const what = `${run.entries} entries from ${run.files.join(', ')}: ${run.changed} created or changed, ${run.unchanged} unchanged`;
  return dryRun ? `${path}: valid (dry run, nothing written); ${what}` : `${path}: imported ${what}; ${run.topics.length} department topic(s) created`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    process.stderr.write('usage: npm run directory:import -- <folder or file> [--dry-run]\n');
    process.exit(2);
  }
  importCity(loadConfig(RoutingConfig), path, { dryRun })
    .then((run) => {
      const text = describeImport(path, run, dryRun);
      if (run.problems.length > 0) {
        process.stderr.write(`${text}\n`);
        process.exitCode = 1;
      } else process.stdout.write(`${text}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`directory import failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
