import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/auth.ts';
import { verifyPassword } from '../platform/passwords.ts';

// The generated first password of `admin` is kept in a file readable only by the server's user,
// so a first start that dies before it prints (port taken, killed) does not lose it. Every start
// shows it again until the first login with it; after that the file is removed.
export const INITIAL_PASSWORD_FILE = 'initial-admin-password';

export const initialPasswordPath = (dataDir: string) => path.join(dataDir, INITIAL_PASSWORD_FILE);

/** Written (and synced) before the admin's row commits, so a committed admin always has its file. */
export const keepInitialPassword = (file: string, password: string): void => {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${password}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncDir(path.dirname(file));
};

const syncDir = (dir: string) => {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the file itself is synced.
  }
};

/**
 * The generated password while it is still unused: `admin` exists, has never logged in, and the
 * password still verifies. Otherwise the file is stale (used, changed, or its admin never
 * committed) and is removed.
 */
export const unusedInitialPassword = async (db: Db, file: string): Promise<string | null> => {
  let password: string;
  try {
    password = (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  const unused =
    password !== '' &&
    admin !== undefined &&
    admin.lastLoginAt === null &&
    (await verifyPassword(admin.passwordHash, password));
  if (unused) return password;
  rmSync(file, { force: true });
  return null;
};
