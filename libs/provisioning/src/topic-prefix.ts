import { randomBytes } from 'node:crypto';

/** A topic prefix of its own, so users of a shared broker (suites, bench runs) never see each other's messages. */
export function uniqueTopicPrefix(label = 'test'): string {
  return `${label}-${randomBytes(4).toString('hex')}.`;
}
