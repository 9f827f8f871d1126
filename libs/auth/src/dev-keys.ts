import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/**
 * The development signing key: one ES256 key pair per checkout, created on first use
 * and kept as JWK files so every service (and `npm run token`) signs and verifies with
 * the same key across restarts.
 */
export const DEV_KEY_ALG = 'ES256';
export const DEV_PRIVATE_KEY_FILE = 'dev-signing-key.private.jwk.json';
export const DEV_PUBLIC_KEY_FILE = 'dev-signing-key.public.jwk.json';

export interface DevKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as a JWK (with `kid`, `alg`, `use`), e.g. to publish as a JWKS. */
  publicJwk: JWK;
  kid: string;
}

/**
 * Reads the key pair from `dir`, creating it if there is none yet.
 *
 * Several services start at once on a fresh checkout, so creation is race-safe: each
 * process writes a complete key to a private temp file and then hard-links it to the
 * final name. `link` fails with EEXIST if another process got there first, in which
 * case we read theirs. Readers therefore never see a half-written file and everyone
 * ends up with the same key.
 */
export async function loadOrCreateDevKeyPair(dir: string): Promise<DevKeyPair> {
  const privatePath = join(dir, DEV_PRIVATE_KEY_FILE);
  let privateJwk = await readJwk(privatePath);
  if (!privateJwk) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    privateJwk = await createPrivateJwk(privatePath);
  }
  const pair = await toKeyPair(privateJwk, privatePath);
  await ensurePublicFile(dir, pair.publicJwk);
  return pair;
}

const cache = new Map<string, Promise<DevKeyPair>>();

/** loadOrCreateDevKeyPair, remembered per folder for the life of the process. */
export function getDevKeyPair(dir: string): Promise<DevKeyPair> {
  let pending = cache.get(dir);
  if (!pending) {
    pending = loadOrCreateDevKeyPair(dir);
    // A failure (say, an unwritable folder) should not stick: the next call retries.
    pending.catch(() => cache.delete(dir));
    cache.set(dir, pending);
  }
  return pending;
}

async function createPrivateJwk(privatePath: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_KEY_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  const fullJwk: JWK = { ...jwk, kid, alg: DEV_KEY_ALG, use: 'sig' };

  const tempPath = tempName(privatePath);
  await writeFile(tempPath, JSON.stringify(fullJwk, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  try {
    await link(tempPath, privatePath);
    return fullJwk;
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    // Someone else won the race: theirs is the key.
    const existing = await readJwk(privatePath);
    if (!existing) throw new Error(`${privatePath} vanished while being created`);
    return existing;
  } finally {
    await unlink(tempPath).catch(() => undefined);
  }
}

/**
 * The public file is derived from the private one, so every process writes the same
 * bytes; an atomic rename is enough and a crash between the two files heals itself.
 */
async function ensurePublicFile(dir: string, publicJwk: JWK): Promise<void> {
  const publicPath = join(dir, DEV_PUBLIC_KEY_FILE);
  const wanted = JSON.stringify(publicJwk, null, 2) + '\n';
  const current = await readFile(publicPath, 'utf8').catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  });
  if (current === wanted) return;
  const tempPath = tempName(publicPath);
  await writeFile(tempPath, wanted, { mode: 0o644, flag: 'wx' });
  try {
    await rename(tempPath, publicPath);
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

async function toKeyPair(privateJwk: JWK, privatePath: string): Promise<DevKeyPair> {
  const { kty, crv, x, y, kid } = privateJwk;
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y || !privateJwk.d || !kid) {
    throw new Error(`${privatePath} is not an ES256 private JWK; delete the file to generate a new key`);
  }
  const publicJwk: JWK = { kty, crv, x, y, kid, alg: DEV_KEY_ALG, use: 'sig' };
  const privateKey = await importJWK(privateJwk, DEV_KEY_ALG);
  const publicKey = await importJWK(publicJwk, DEV_KEY_ALG);
  // importJWK returns Uint8Array only for symmetric ("oct") keys, excluded above.
  return { privateKey: privateKey as CryptoKey, publicKey: publicKey as CryptoKey, publicJwk, kid };
}

async function readJwk(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new Error(`${path} is not valid JSON; delete the file to generate a new key`);
  }
}

function tempName(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Duck-typed rather than instanceof: fs errors may come from another realm (jest's vm). */
function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
