import { join, resolve } from 'node:path';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  defaultDevKeyDir,
  developmentAuthSettings,
  resolveAuthSettings,
} from './settings';

describe('auth settings', () => {
  it('defaults development to the local issuer, audience and key folder', () => {
    const resolved = resolveAuthSettings(developmentAuthSettings());
    expect(resolved).toMatchObject({ mode: 'development', issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
    expect(resolved.mode === 'development' && resolved.devKeyDir).toBe(defaultDevKeyDir());
  });

  it('keeps the development key under the repository .cache folder', () => {
    expect(defaultDevKeyDir()).toBe(join(resolve(__dirname, '../../..'), '.cache', 'dev-keys'));
  });

  it('lists every problem at once', () => {
    expect(() => resolveAuthSettings({ mode: 'production', issuer: '', audience: '', clockToleranceSec: -1 })).toThrow(
      /issuer.*audience.*clockToleranceSec.*jwksUrl/,
    );
  });

  it('accepts a production setup with an https JWKS', () => {
    expect(
      resolveAuthSettings({ mode: 'production', issuer: 'https://idp', audience: 'api', jwksUrl: 'https://idp/jwks' }),
    ).toMatchObject({ mode: 'production', clockToleranceSec: 5 });
  });
});
