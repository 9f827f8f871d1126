import { createHash, randomBytes } from 'node:crypto';

/** The identity provider's endpoints, from its discovery document. */
export interface OidcEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

export interface OidcSettings {
  issuerUrl: URL;
  clientId: string;
  clientSecret?: string;
  redirectUrl: URL;
  scope: string;
}

/** What the console keeps (in a short-lived httpOnly cookie) between sending the browser away and its return. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  /** Where in the console to go back to. */
  returnTo: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * OIDC authorization code flow with PKCE (RFC 7636, S256) for a confidential or public
 * client: the browser never sees the code verifier or the tokens; the console's server
 * swaps the code for them and keeps the access token in its httpOnly cookie.
 */
export class OidcClient {
  private endpoints?: Promise<OidcEndpoints>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  discover(): Promise<OidcEndpoints> {
    this.endpoints ??= (async () => {
      const url = new URL('.well-known/openid-configuration', this.settings.issuerUrl.href.endsWith('/') ? this.settings.issuerUrl : `${this.settings.issuerUrl.href}/`);
      const response = await this.fetchFn(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`OIDC discovery at ${url.href} answered ${response.status}`);
      const document = (await response.json()) as Partial<OidcEndpoints>;
      if (!document.authorization_endpoint || !document.token_endpoint) throw new Error(`OIDC discovery at ${url.href} lacks the authorization or token endpoint`);
      return document as OidcEndpoints;
    })().catch((error: unknown) => {
      this.endpoints = undefined;
      throw error;
    });
    return this.endpoints;
  }

  /** The provider's sign-in URL, and what to remember until the browser comes back. */
  async begin(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const { authorization_endpoint } = await this.discover();
    const pending: PendingSignIn = { state: base64url(randomBytes(24)), verifier: base64url(randomBytes(48)), returnTo };
    const url = new URL(authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('redirect_uri', this.settings.redirectUrl.href);
    url.searchParams.set('scope', this.settings.scope);
    url.searchParams.set('state', pending.state);
    url.searchParams.set('code_challenge', base64url(createHash('sha256').update(pending.verifier).digest()));
    url.searchParams.set('code_challenge_method', 'S256');
    return { url: url.href, pending };
  }

  /** Swaps the authorization code for the access token (the bearer the services verify against the JWKS). */
  async finish(code: string, pending: PendingSignIn): Promise<{ accessToken: string; expiresInSec?: number }> {
    const { token_endpoint } = await this.discover();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.settings.redirectUrl.href,
      client_id: this.settings.clientId,
      code_verifier: pending.verifier,
    });
    if (this.settings.clientSecret) body.set('client_secret', this.settings.clientSecret);
    const response = await this.fetchFn(token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !answer.access_token) throw new Error(`the identity provider refused the code: ${answer.error ?? response.status}`);
    return { accessToken: answer.access_token, expiresInSec: answer.expires_in };
  }

  async signOutUrl(): Promise<string | undefined> {
    return (await this.discover()).end_session_endpoint;
  }
}
