import { bootstrapService } from '@grievance/platform';
import { AppModule } from './app.module';

/** Starts the grid-dispatch service from the environment; exits with 1, saying why, if it cannot. */
export function main(): Promise<unknown> {
  return bootstrapService(AppModule);
}

if (require.main === module) void main();
