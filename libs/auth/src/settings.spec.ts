import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  defaultDevKeyDir,
  developmentAuthSettings,
  findRepoRoot,
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

  it('finds the repository root from any folder below it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'auth-root-'));
    try {
      await writeFile(join(root, 'nx.json'), '{}');
      const deep = join(root, 'libs', 'auth', 'dist', 'cli');
      await mkdir(deep, { recursive: true });
      expect(findRepoRoot(deep)).toBe(root);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
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
