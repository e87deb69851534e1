import { createHash } from 'node:crypto';
import type { Exam } from '../referential';
import { type Grader, OFFLINE_ANALYZER_VERSION } from './grader';
import { PROMPT_VERSION } from './prompts';
import { type Rubric, rubricHash } from './rubric';

/**
 * What makes two reviews the same (DESIGN.md « reproducible reviews »): the file, the exam, the rubric's
 * content, the prompt, the provider and model (and the offline analyzer's own version). Same key: the
 * stored review is reused, not paid for again.
 */
export function reviewCacheKey(
  version: { sha256: string },
  exam: Exam,
  rubric: Rubric,
  grader: Pick<Grader, 'provider' | 'model' | 'offline'>,
) {
  return createHash('sha256')
    .update(
      JSON.stringify([
        version.sha256,
        exam.id,
        rubricHash(rubric),
        PROMPT_VERSION,
        grader.provider,
        grader.model,
        grader.offline ? OFFLINE_ANALYZER_VERSION : '',
      ]),
    )
    .digest('hex');
}
