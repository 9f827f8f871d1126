import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';
import { DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE, loadOrCreateDevKeyPair } from './dev-keys';

describe('development key pair', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'auth-dev-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('ends with one key when several services create it at the same time', async () => {
    const keyDir = join(dir, 'not-yet-there');
    const pairs = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateDevKeyPair(keyDir)));

    expect(new Set(pairs.map((pair) => pair.kid)).size).toBe(1);
    // What each "service" signs, every other one accepts.
    for (const signer of pairs) {
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(signer.privateKey);
      for (const checker of pairs) {
        await expect(jwtVerify(token, checker.publicKey, { algorithms: ['ES256'] })).resolves.toBeDefined();
      }
    }
    // No half-written or temporary files left behind.
    expect((await readdir(keyDir)).sort()).toEqual([DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE].sort());
  });

  it('keeps the key across restarts and keeps the private half private', async () => {
    const first = await loadOrCreateDevKeyPair(dir);
    const again = await loadOrCreateDevKeyPair(dir);
    expect(again.kid).toBe(first.kid);
    expect((await stat(join(dir, DEV_PRIVATE_KEY_FILE))).mode & 0o077).toBe(0);
    expect(first.publicJwk).not.toHaveProperty('d');
  });

  it('restores a missing public key file from the private one', async () => {
    const first = await loadOrCreateDevKeyPair(dir);
    await rm(join(dir, DEV_PUBLIC_KEY_FILE));
    const again = await loadOrCreateDevKeyPair(dir);
    expect(again.kid).toBe(first.kid);
    expect(await readdir(dir)).toContain(DEV_PUBLIC_KEY_FILE);
  });
});
