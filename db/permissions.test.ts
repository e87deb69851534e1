import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './client';
import { DataDirPermissionError, secureDataDir } from './permissions';

const opened: Database[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempParent() {
  const dir = mkdtempSync(join(tmpdir(), 'prejury-perm-'));
  dirs.push(dir);
  return dir;
}

/** Every path under `dir` (itself included) whose mode grants anything to group or others. */
function loosePaths(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) out.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  visit(dir);
  return out;
}

describe('the embedded data folder', () => {
  it('is created 0700 with files 0600, the WAL included', async () => {
    process.umask(0o022); // the usual default; PGlite itself writes its files 0666
    const dir = join(tempParent(), 'data');
    const database = await openDatabase({ dataDir: dir });
    // Open: the folder is closed to others, and every file created so far is private.
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).length).toBeGreaterThan(3);
    expect(loosePaths(dir)).toEqual([]);
    await database.query('create table t (x text)');
    await database.query("insert into t values ('session token')");
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await database.close();
    expect(loosePaths(dir)).toEqual([]);
  });

  it('is fixed at start when it was loosened since', async () => {
    const dir = join(tempParent(), 'data');
    const first = await openDatabase({ dataDir: dir, migrate: false });
    await first.close();
    process.umask(0o022);
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'auth-secret'), 'secret\n', { mode: 0o666 });
    chmodSync(join(dir, 'auth-secret'), 0o666);
    expect(loosePaths(dir).length).toBeGreaterThan(0);
    const again = await openDatabase({ dataDir: dir, migrate: false });
    opened.push(again);
    expect(loosePaths(dir)).toEqual([]);
  });

  it('is refused with a clear message when another user owns part of it', () => {
    if (process.getuid?.() !== 0) return; // only root can give a file away; the check is the same
    const dir = join(tempParent(), 'data');
    secureDataDir(dir);
    writeFileSync(join(dir, 'foreign'), 'x', { mode: 0o600 });
    chownSync(join(dir, 'foreign'), 65534, 65534);
    expect(() => secureDataDir(dir)).toThrow(DataDirPermissionError);
    expect(() => secureDataDir(dir)).toThrow(/belongs to another user.*PREJURY_DATA_DIR/);
  });
});
