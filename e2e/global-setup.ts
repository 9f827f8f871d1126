import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import integrationSetup from '../libs/testing/src/jest/global-setup';

/**
 * The end-to-end tier runs the services as separate processes from their build, so it
 * brings the infrastructure up (as the integration tier does) and builds first
 * (`tsc -b` is incremental: a second run with nothing changed takes a few seconds).
 */
export default async function globalSetup(): Promise<void> {
  await integrationSetup();
  const root = path.resolve(__dirname, '..');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
