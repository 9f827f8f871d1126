/**
 * jest globalTeardown of the integration and end-to-end tiers: stops the containers the
 * global setup started (TEST_INFRA=containers, or auto with a container runtime). The local
 * infrastructure is left running, as ever (the next run reuses it).
 */
import { stopContainers, testInfraState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  await stopContainers(testInfraState());
}
