/**
 * Writes the console's API types (web/src/api/<service>.ts) from each service's OpenAPI
 * document: `npm run console:api-types` starts the five services on throwaway databases
 * (as the end-to-end tier does), reads /docs-json and runs openapi-typescript. The console's
 * end-to-end suite regenerates them from the running system and fails when the committed
 * ones differ, so a changed API breaks the console's type check instead of its users.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { startSystem } from '../system-harness';

export const API_DIR = path.join(__dirname, '..', '..', 'services', 'console', 'web', 'src', 'api');
export const API_SERVICES = ['intake', 'routing', 'grid-dispatch', 'feedback', 'audit'] as const;

const HEADER = '// Generated from the service\'s OpenAPI document by `npm run console:api-types`. Do not edit.\n';

/** The types file of one service, from its OpenAPI document. */
export async function apiTypesFrom(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

export async function fetchDocument(baseUrl: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/docs-json`);
  if (!response.ok) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
  return response.json();
}

/** `--check <json {service: url}>`: compares with the committed files instead of writing; exit 1 naming each stale one. */
async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--check') {
    const urls = JSON.parse(argv[1] ?? '{}') as Record<string, string>;
    const stale: string[] = [];
    for (const service of API_SERVICES) {
      const expected = await apiTypesFrom(await fetchDocument(urls[service]!));
      if (fs.readFileSync(path.join(API_DIR, `${service}.ts`), 'utf8') !== expected) stale.push(service);
    }
    if (stale.length) console.error(`stale API types: ${stale.join(', ')} (run npm run console:api-types)`);
    return stale.length ? 1 : 0;
  }
  const system = await startSystem();
  try {
    for (const service of API_SERVICES) {
      const file = path.join(API_DIR, `${service}.ts`);
      fs.writeFileSync(file, await apiTypesFrom(await fetchDocument(system.url(service))));
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
    }
    return 0;
  } finally {
    await system.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
