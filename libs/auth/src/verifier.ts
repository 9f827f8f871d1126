import { createRemoteJWKSet, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { getDevKeyPair } from './dev-keys';
import { InvalidPrincipalError, principalFromClaims, type Principal } from './principal';
import { resolveAuthSettings, type AuthSettings, type ResolvedAuthSettings } from './settings';

/** Only ES256 is accepted: pinning the algorithm shuts out HS256-with-public-key and `alg: none` tricks. */
export const ACCEPTED_ALGORITHMS = ['ES256'];

/** The short, caller-facing reasons a token is refused (they end up in a 401 body). */
export type TokenRejection = 'missing bearer token' | 'invalid token' | 'token expired' | 'token not yet valid';

/**
 * The caller's token is not acceptable. `reason` is safe to show the caller; `detail`
 * says exactly what failed and is meant for logs only.
 */
export class TokenRejectedError extends Error {
  override readonly name = 'TokenRejectedError';
  constructor(
    readonly reason: TokenRejection,
    readonly detail: string = reason,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** How long a token once verified is taken without checking its signature again (its expiry is still checked). */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** How many verified tokens are remembered at most (the oldest leave first). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Verifies bearer tokens and turns them into a Principal.
 *
 * A token verified once is remembered, by its exact text, for a minute at most and never past
 * its expiry: the clients of these services (a rider's app polling their grievance, a grid
 * worker's ticket list) send the same token with every request, and checking an ES256
 * signature each time was a measurable share of a request's CPU. A changed character is another
 * token, verified afresh; a key withdrawn from the key set stops being trusted within the minute.
 *
 * The constructor checks the settings and throws AuthConfigError when they are unsafe
 * (production without a JWKS URL, production told to use the dev key), so a badly
 * configured service fails at start-up instead of on the first request. In development
 * the key pair is loaded (or created) lazily; call `init()` to do it up front.
 */
export class JwtVerifier {
  readonly settings: ResolvedAuthSettings;
  private readonly getKey: () => Promise<CryptoKey | JWTVerifyGetKey>;
  /** Verified tokens' claims, by token, with when to check the token again; in the order they were verified. */
  private readonly verified = new Map<string, { claims: Record<string, unknown>; until: number }>();

  constructor(
    settings: AuthSettings,
    /** The clock tokens are checked against (tests move it). */
    private readonly now: () => number = Date.now,
  ) {
    this.settings = resolveAuthSettings(settings);
    const resolved = this.settings;
    if (resolved.mode === 'production') {
      // jose caches the key set and refetches (rate-limited) when it meets an unknown kid,
      // so identity-provider key rotation needs no restart.
      const jwks = createRemoteJWKSet(resolved.jwksUrl);
      this.getKey = () => Promise.resolve(jwks);
    } else {
      const dir = resolved.devKeyDir;
      this.getKey = async () => (await getDevKeyPair(dir)).publicKey;
    }
  }

  /** Loads the development key now (creating it on a fresh checkout); a no-op in production. */
  async init(): Promise<void> {
    await this.getKey();
  }

  /**
   * Resolves to the caller's Principal, or rejects with TokenRejectedError. Anything
   * else (say, the identity provider's JWKS endpoint timing out) is not the caller's
   * fault and is rethrown as is, so it surfaces as a server error, not a 401.
   */
  async verify(token: string): Promise<Principal> {
    if (typeof token !== 'string' || token.length === 0) {
      throw new TokenRejectedError('missing bearer token');
    }
    const payload = this.remembered(token) ?? (await this.verifySignature(token));
    try {
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidPrincipalError) {
        throw new TokenRejectedError('invalid token', error.problems.join('; '));
      }
      throw error;
    }
  }

  /** The claims of a token verified lately and not yet expired, if it was. */
  private remembered(token: string): Record<string, unknown> | undefined {
    const entry = this.verified.get(token);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.claims;
    this.verified.delete(token);
    return undefined;
  }

  private async verifySignature(token: string): Promise<Record<string, unknown>> {
    const key = await this.getKey();
    let payload: Record<string, unknown>;
    try {
      const options = {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockToleranceSec,
        currentDate: new Date(this.now()),
        // A token without an expiry would be good forever.
        requiredClaims: ['exp'],
      };
      // Two calls rather than one union argument: jwtVerify is overloaded on the key type.
      const result =
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      payload = result.payload;
    } catch (error) {
      throw toRejection(error);
    }
    // Remembered until its expiry (with the tolerance jose allowed), a minute at most.
    const expiresAt = (Number(payload.exp) + this.settings.clockToleranceSec) * 1000;
    this.verified.delete(token);
    this.verified.set(token, { claims: payload, until: Math.min(expiresAt, this.now() + VERIFIED_TOKEN_TTL_MS) });
    if (this.verified.size > VERIFIED_TOKEN_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    return payload;
  }
}

/**
 * jose error codes that mean "this token is no good". Others (ERR_JWKS_TIMEOUT,
 * ERR_JWKS_INVALID, ERR_JWK_INVALID, network errors) point at our side: the key set.
 */
const TOKEN_FAULT_CODES = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

function toRejection(error: unknown): unknown {
  // Matched by `code` rather than instanceof so it holds whichever copy of jose threw.
  const { code, claim, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    claim?: unknown;
    message?: unknown;
  };
  if (typeof code !== 'string' || !TOKEN_FAULT_CODES.has(code)) return error;
  const detail = typeof message === 'string' ? message : code;
  if (code === 'ERR_JWT_EXPIRED') return new TokenRejectedError('token expired', detail);
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'nbf') {
    return new TokenRejectedError('token not yet valid', detail);
  }
  return new TokenRejectedError('invalid token', detail);
}
