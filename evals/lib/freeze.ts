/**
 * The held-out part of the evals (`cases/heldout/`) is frozen: a committed manifest holds the sha256 of
 * every file in it, and the loader refuses to run when a file was edited, added or removed since. Held-out
 * figures only mean something if nobody tuned the cases to the analyzer (or the analyzer to the cases):
 * re-freezing (`npx tsx evals/scripts/freeze-heldout.ts`) is a deliberate act that shows in the diff.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The held-out folder, inside the cases folder. */
export const HELDOUT_DIR = 'heldout';
/** The manifest, beside the held-out folder (not inside it: it cannot hash itself). */
export const MANIFEST_FILE = 'heldout.frozen.json';

export const FREEZE_COMMAND = 'npx tsx evals/scripts/freeze-heldout.ts';

export const ManifestSchema = z.strictObject({
  note: z.string(),
  /** Path relative to the held-out folder (always `/`-separated) → sha256 hex. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type Manifest = z.infer<typeof ManifestSchema>;

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    const rel = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file of the held-out folder with its hash, sorted by path. */
export function hashHeldout(casesRoot: string): Record<string, string> {
  const dir = path.join(casesRoot, HELDOUT_DIR);
  return Object.fromEntries(listFiles(dir).map((rel) => [rel, sha256(path.join(dir, rel))]));
}

/**
 * What differs between the held-out folder and its manifest, one message per file; empty when the folder
 * is as frozen, or when there is no held-out folder at all.
 */
export function frozenProblems(casesRoot: string): string[] {
  const dir = path.join(casesRoot, HELDOUT_DIR);
  if (!existsSync(dir)) return [];
  const manifestPath = path.join(casesRoot, MANIFEST_FILE);
  const refreeze = `the held-out part is frozen; re-freeze only deliberately, with ${FREEZE_COMMAND}`;
  if (!existsSync(manifestPath)) return [`${MANIFEST_FILE} is missing: ${refreeze}`];
  let manifest: Manifest;
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (!parsed.success) return [`${MANIFEST_FILE} is invalid: ${parsed.error.issues[0]?.message}`];
    manifest = parsed.data;
  } catch (err) {
    return [`${MANIFEST_FILE} is not valid JSON (${(err as Error).message})`];
  }
  const actual = hashHeldout(casesRoot);
  const problems: string[] = [];
  for (const [rel, hash] of Object.entries(actual)) {
    const frozen = manifest.files[rel];
    if (frozen === undefined) problems.push(`${HELDOUT_DIR}/${rel} was added after the freeze: ${refreeze}`);
    else if (frozen !== hash)
      problems.push(
        `${HELDOUT_DIR}/${rel} was edited after the freeze (sha256 ${hash.slice(0, 12)}…, frozen ${frozen.slice(0, 12)}…): ${refreeze}`,
      );
  }
  for (const rel of Object.keys(manifest.files)) {
    if (!(rel in actual)) problems.push(`${HELDOUT_DIR}/${rel} was removed after the freeze: ${refreeze}`);
  }
  return problems;
}

/** Writes the manifest from the folder as it is now. Returns the number of files frozen. */
export function writeManifest(casesRoot: string): number {
  const files = hashHeldout(casesRoot);
  const manifest: Manifest = {
    note: `sha256 of every file under cases/${HELDOUT_DIR}/, checked by the loader. Written by ${FREEZE_COMMAND}; never edit by hand.`,
    files,
  };
  writeFileSync(path.join(casesRoot, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return Object.keys(files).length;
}
