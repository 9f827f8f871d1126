/** The console's server: `node services/console/dist/main.js` (npm start runs it beside the five services). */
import { demoCitySeedFile } from '@grievance/directory-seed';
import { ConsoleConfigError, loadConsoleConfig } from './config';
import { demoPersonas } from './personas';
import { startConsoleServer } from './server';

async function main(): Promise<void> {
  const config = loadConsoleConfig();
  const personas = config.authMode === 'development' ? demoPersonas(process.env.DEMO_CITY_DIR || demoCitySeedFile(process.cwd())) : [];
  const running = await startConsoleServer({ config, personas });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void running.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConsoleConfigError ? error.message : error);
  process.exit(1);
});
