import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirPermissionError extends Error {
  override name = 'DataDirPermissionError';
}

/** The owner's bits only: folders 0700, files 0600 (or stricter, e.g. 0400, which are kept). */
const PRIVATE = 0o700;

/**
 * Makes the embedded data folder private to the user running Préjury: the folder and everything in it
 * (the database files, the WAL that holds session tokens, the auth secret) lose every group and other
 * permission. Called when the folder is created and at every start, so a folder made by an older
 * version, or loosened by hand, is fixed. A file owned by another user cannot be fixed by us: refused
 * with a message that says what to do. Symbolic links are not followed. Returns the paths it changed.
 */
export function secureDataDir(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const fixed: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (uid !== undefined && stat.uid !== uid) {
      throw new DataDirPermissionError(
        `${path} belongs to another user (uid ${stat.uid}), not to the one running Préjury (uid ${uid}). ` +
          `Give the data folder to this user (chown -R) or set PREJURY_DATA_DIR to a folder of its own.`,
      );
    }
    const mode = stat.mode & 0o777;
    const wanted = stat.isDirectory() ? PRIVATE : mode & 0o600;
    if (mode !== wanted) {
      chmodSync(path, wanted);
      fixed.push(path);
    }
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return fixed;
}
