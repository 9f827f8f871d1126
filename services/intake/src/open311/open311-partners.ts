import { createHash, timingSafeEqual } from 'node:crypto';

/** A partner app allowed to post requests, and the SHA-256 of its api_key. */
export interface Partner {
  id: string;
  keyDigest: Buffer;
}

/** `app-id:<sha256 hex of its api_key>`, comma-separated: what OPEN311_PARTNERS holds. */
export const PARTNERS_PATTERN = /^([a-z0-9][a-z0-9_-]{0,63}:[0-9a-f]{64})(,[a-z0-9][a-z0-9_-]{0,63}:[0-9a-f]{64})*$/;

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** The digest to configure for a key (`node -e` one-liner in the README does the same). */
export const apiKeyDigest = (apiKey: string): string => sha256(apiKey).toString('hex');

/**
 * Reads OPEN311_PARTNERS. Only digests are configured, never the keys: a leaked config or diff
 * does not leak a key, and keys are long random strings, so a digest cannot be guessed back.
 */
export function parsePartners(setting: string | undefined): Partner[] {
  if (!setting) return [];
  if (!PARTNERS_PATTERN.test(setting)) throw new Error('OPEN311_PARTNERS must be app-id:sha256-hex pairs, comma-separated');
  return setting.split(',').map((entry) => {
    const [id, hex] = entry.split(':') as [string, string];
    return { id, keyDigest: Buffer.from(hex, 'hex') };
  });
}

/**
 * The partner an api_key belongs to, or undefined. The key is hashed and compared with every
 * partner's digest in constant time, and every partner is compared (no early return), so the
 * time taken says nothing about how much of a key was right, nor which partner came close.
 */
export function partnerOf(partners: readonly Partner[], apiKey: string): string | undefined {
  const digest = sha256(apiKey);
  let found: string | undefined;
  for (const partner of partners) {
    if (timingSafeEqual(digest, partner.keyDigest) && found === undefined) found = partner.id;
  }
  return found;
}
