/**
 * Freezes the held-out eval cases: writes `evals/cases/heldout.frozen.json`, the sha256 of every file under
 * `evals/cases/heldout/`. The loader refuses to run when a held-out file differs from it.
 *
 *   npx tsx evals/scripts/freeze-heldout.ts
 *
 * Re-freezing is deliberate: do it only to add held-out cases (or a second rater's file) that nobody tuned
 * on, never to make a run pass, and say why in the commit.
 */
import { CASES_DIR } from '../lib/cases';
import { MANIFEST_FILE, writeManifest } from '../lib/freeze';

const count = writeManifest(CASES_DIR);
console.log(`Froze ${count} held-out file(s) into evals/cases/${MANIFEST_FILE}.`);
