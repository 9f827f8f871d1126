// When a test file of the integration and end-to-end tiers ends, the topics its service apps
// used go (libs/testing/src/service-app.ts): a long-lived local broker keeps no leftovers.
import { dropTestTopics } from '../service-app';

afterAll(() => dropTestTopics(), 60_000);
