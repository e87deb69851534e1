/**
 * BENCHMARKS.md from one run's figures: a header (machine, date, command), the targets, one table per
 * section (figure, value, target, met?), then notes on method and on every missed target (gap, cause, next
 * step). The causes were found by profiling (`node --cpu-prof`) and by the timing breakdowns this run
 * measures itself; the notes quote this run's numbers, so they stay true when the file is regenerated.
 */
import type { BenchResult } from '../run';
import { deploySection, scaleOutSection } from './report-deploy';
import { beforeAfter, header, ingestion, orchestration, targets, tokens } from './report-review';
import { api, notes, retrieval } from './report-service';

export {
  DEPLOY_END,
  DEPLOY_START,
  deploySection,
  SCALEOUT_END,
  SCALEOUT_START,
  scaleOutSection,
} from './report-deploy';

export function renderMarkdown(r: BenchResult): string {
  return `${[
    header(r),
    targets(r),
    beforeAfter(r),
    ingestion(r),
    orchestration(r),
    tokens(r),
    api(r),
    retrieval(r),
    deploySection(r),
    scaleOutSection(r),
    notes(r),
  ]
    .filter((s) => s !== '')
    .join('\n\n')
    .trimEnd()}\n`;
}
