import { join } from 'node:path';
import { TestServiceApp } from '@grievance/testing';
import { RoutingConfig } from '../src/config';
import { RoutingDirectoryCache } from '../src/directory/routing-directory.cache';
import { ImportRun, importCity } from '../src/import-directory';

export const DEMO_CITY = join(__dirname, '../../../deploy/seed/demo-city');

/**
 * Loads a city into a running routing's database the way `npm run directory:import` does
 * (the same function, on the service's database and topic prefix); fails on any problem.
 */
export async function importInto(service: TestServiceApp<RoutingConfig>, path = DEMO_CITY, options: { dryRun?: boolean } = {}): Promise<ImportRun> {
  const run = await importCity(service.config, path, options);
  service.app.get(RoutingDirectoryCache).invalidate();
  return run;
}

/** importInto, refusing any problem (for suites that need the demo city). */
export async function importDemoCity(service: TestServiceApp<RoutingConfig>): Promise<ImportRun> {
  const run = await importInto(service);
  if (run.problems.length > 0) throw new Error(`the demo city did not import: ${JSON.stringify(run.problems)}`);
  return run;
}
