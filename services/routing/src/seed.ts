/**
 * Upserts a directory seed file into the routing database (idempotent) and creates the
 * departments' topics:
 *
 *     tsx services/routing/src/seed.ts [file]
 *
 * The file defaults to DIRECTORY_SEED_FILE, else the demo city (deploy/seed/demo-city.json).
 * The database and broker come from the routing service's environment.
 */
import { findRepoRoot } from '@grievance/auth';
import { DEFAULT_PARTITIONS, departmentIssuesTopic } from '@grievance/contracts';
import { demoCitySeedFile, readDirectorySeed } from '@grievance/directory-seed';
import { KafkaConnection } from '@grievance/messaging';
import { kafkaSettingsFrom, loadConfig, openServiceDatabase } from '@grievance/platform';
import { RoutingConfig } from './config';
import { applyDirectorySeed, SeedSummary } from './directory/directory-seeder';
import { ROUTING_ENTITIES } from './entities';
import { ROUTING_MIGRATIONS } from './migrations';

export async function seedDirectory(config: RoutingConfig, file?: string): Promise<SeedSummary & { file: string; topics: string[] }> {
  const source = file ?? config.DIRECTORY_SEED_FILE ?? demoCitySeedFile(findRepoRoot());
  const seed = readDirectorySeed(source);
  const dataSource = await openServiceDatabase({
    url: config.DATABASE_URL,
    entities: ROUTING_ENTITIES,
    migrations: ROUTING_MIGRATIONS,
    applicationName: `${config.SERVICE_NAME}-seed`,
  });
  let summary: SeedSummary;
  try {
    summary = await dataSource.transaction((manager) => applyDirectorySeed(manager, seed));
  } finally {
    await dataSource.destroy();
  }
  const kafka = new KafkaConnection(kafkaSettingsFrom(config));
  try {
    const topics = await kafka.ensureTopics(
      summary.departments.map((code) => ({ topic: departmentIssuesTopic(code), partitions: DEFAULT_PARTITIONS })),
    );
    return { ...summary, file: source, topics };
  } finally {
    await kafka.disconnect();
  }
}

if (require.main === module) {
  seedDirectory(loadConfig(RoutingConfig), process.argv[2])
    .then((result) => {
      process.stdout.write(
        `seeded ${result.file}: ${result.orgUnits} org units, ${result.departments.length} departments, ` +
          `${result.categories} categories, ${result.routes} routes, ${result.fallbackOwners} fallback owners; ` +
          `${result.topics.length} department topic(s) created\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
