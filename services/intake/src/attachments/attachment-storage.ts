import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Where attachment bytes live, addressed by their SHA-256. Swap for object storage in production. */
export abstract class AttachmentStorage {
  /** Stores the bytes under their hash; storing the same bytes again is a no-op. */
  abstract put(sha256: string, bytes: Buffer): Promise<void>;
  abstract has(sha256: string): Promise<boolean>;
  /** The stored bytes; undefined when they are not there. */
  abstract get(sha256: string): Promise<Buffer | undefined>;
}

/** Content-addressed files on local disk: `<dir>/<ab>/<cd>/<sha256>`, written atomically. */
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  constructor(private readonly dir: string) {
    super();
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    return readFile(this.pathOf(sha256)).catch(() => undefined);
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  }
}
