export {
  AuthConfigError,
  DEFAULT_CLOCK_TOLERANCE_SEC,
  DEFAULT_DEV_TOKEN_TTL_SEC,
  DEV_AUDIENCE,
  DEV_ISSUER,
  defaultDevKeyDir,
  developmentAuthSettings,
  resolveAuthSettings,
  type AuthMode,
  type AuthSettings,
  type ResolvedAuthSettings,
} from './settings';
export {
  DEV_PRIVATE_KEY_FILE,
  DEV_PUBLIC_KEY_FILE,
  getDevKeyPair,
  loadOrCreateDevKeyPair,
  type DevKeyPair,
} from './dev-keys';
export {
  InvalidPrincipalError,
  SCOPE_CLAIM_BY_ROLE,
  isRole,
  principalFromClaims,
  type Principal,
  type ScopeClaim,
} from './principal';
export { ACCEPTED_ALGORITHMS, JwtVerifier, TokenRejectedError, type TokenRejection } from './verifier';
export { signDevToken, type SignDevTokenOptions } from './dev-token';
export {
  CurrentPrincipal,
  IS_PUBLIC_KEY,
  Public,
  ROLES_KEY,
  Roles,
  type AuthenticatedRequest,
} from './decorators';
export { AuthGuard } from './auth.guard';
export { AUTH_SETTINGS, AuthModule, type AuthModuleAsyncOptions } from './auth.module';
export { actsFor, holderKey, holderKeyOf } from './holder-scope';
