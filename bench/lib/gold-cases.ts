import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CASES_DIR = fileURLToPath(new URL('../../evals/cases/', import.meta.url));

/**
 * The tuning part's gold Markdown dossiers, exam by exam: every exam folder of `evals/cases/` but the adversarial
 * cases and the held-out part (`heldout/` and its frozen manifest, kept out of everything but the evals).
 */
export function goldMarkdown(): { examId: string; name: string; text: string }[] {
  const out: { examId: string; name: string; text: string }[] = [];
  for (const examId of readdirSync(CASES_DIR).sort()) {
    const dir = path.join(CASES_DIR, examId);
    if (examId === 'adversarial' || examId === 'heldout' || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.md')) out.push({ examId, name, text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  return out;
}
