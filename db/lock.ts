import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on a PGlite data folder. PGlite has none of its own, and two processes opening
 * the same folder corrupt it. The lock file holds the owner's pid: a live owner on this host refuses
 * the newcomer at once; a dead owner's lock (crash, kill -9) is taken over, so a restart never waits.
 * (proper-lockfile's mtime-based staleness would make a restart after a crash wait or fail.)
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, 'prejury.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: LockInfo | undefined;
      try {
        owner = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      } catch {
        owner = undefined; // half-written or corrupt: treat as stale
      }
      if (owner && (owner.host !== hostname() || isAlive(owner.pid))) {
        throw new DataDirLockedError(
          `The data folder ${dir} is already in use by another Préjury process (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
            'Stop that process, or set PREJURY_DATA_DIR to another folder, or use DATABASE_URL for a shared PostgreSQL.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dir}.`);
}
