/**
 * The figures issue #10 started from: the full run written to BENCHMARKS.md just before the optimisations
 * (same machine, same command), kept so that every regenerated BENCHMARKS.md shows before → after. Data,
 * not code: copy the numbers from that run's `npm run bench -- --json`, never edit them afterwards.
 */
export const BEFORE_ISSUE_10 = {
  date: '2026-11-27T03:00:52.043Z',
  command: 'npm run bench -- --json',
  load: { start: [0.66, 1.17, 1.98], end: [1.42, 1.36, 1.88] },
  /** 1. Stub server: usage tokenised after the scripted wait, each prompt and shared prefix whole. */
  stub: {
    reviewWallOverCall: 1.95,
    wallMs: 2927,
    sdkCallMs: 2760,
    stubCpuPerCallMs: 123.8,
    flatProviderWallMs: 1839,
  },
  /** 2. Prompts: system@v1 + grade-criterion@v1 (steps, JSON form, descriptors after the dossier). */
  tokens: {
    promptVersion: 'system@v1+exam-guidance@v1+dossier@v1+grade-criterion@v1',
    uncachedOverDossierRubric: 1.54,
    uncachedTokens: 22916,
    promptTokens: 163506,
    systemTokens: 712,
    taskMeanTokens: 739,
    sharedPrefixShareAfterFirst: 0.955,
    retrievalModeUncachedOverDossierRubric: 1.05,
  },
  /** 3. `GET /api/reviews/:id`: three sequential queries (review, version, criteria). */
  api: {
    reviewByIdRequestsPerSecond: 395,
    reviewByIdP50Ms: 21,
    reviewByIdP99Ms: 60,
    examByIdRequestsPerSecond: 6183,
  },
  /** 4. PDF extraction: unchanged by issue #10 (see the notes). */
  ingestion: {
    extractionOverPdftotext: 4.45,
    inProcess30Ms: 316.8,
    pdftotext30Ms: 71.2,
    pdftotextStartMs: 34.2,
  },
} as const;
