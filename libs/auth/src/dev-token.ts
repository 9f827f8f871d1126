import { SignJWT } from 'jose';
import { DEV_KEY_ALG, getDevKeyPair } from './dev-keys';
import type { Principal } from './principal';
import {
  AuthConfigError,
  DEFAULT_DEV_TOKEN_TTL_SEC,
  developmentAuthSettings,
  resolveAuthSettings,
  type AuthSettings,
} from './settings';

export interface SignDevTokenOptions {
  /** Lifetime from `issuedAt`; defaults to 12 hours. */
  ttlSeconds?: number;
  /** The token is refused before this moment (`nbf`). */
  notBefore?: Date;
  /** When the token counts as issued (`iat`, and the start of its lifetime); defaults to now. */
  issuedAt?: Date;
  /** Defaults to developmentAuthSettings(); must be development mode. */
  settings?: AuthSettings;
}

/**
 * Signs a token with the local development key, for tests and `npm run token`.
 *
 * The claims are signed as given, without checking them against the role rules, so
 * tests can also mint tokens the verifier must refuse.
 */
export async function signDevToken(claims: Principal, options: SignDevTokenOptions = {}): Promise<string> {
  const settings = resolveAuthSettings(options.settings ?? developmentAuthSettings());
  if (settings.mode !== 'development') {
    // Production tokens come from the identity provider, never from a key on disk.
    throw new AuthConfigError('signDevToken works in development mode only');
  }
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_DEV_TOKEN_TTL_SEC;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive whole number, got ${ttlSeconds}`);
  }
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const { privateKey, kid } = await getDevKeyPair(settings.devKeyDir);

  const { sub, ...rest } = claims;
  const jwt = new SignJWT({ ...rest })
    .setProtectedHeader({ alg: DEV_KEY_ALG, typ: 'JWT', kid })
    .setSubject(sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds);
  if (options.notBefore) jwt.setNotBefore(Math.floor(options.notBefore.getTime() / 1000));
  return jwt.sign(privateKey);
}
