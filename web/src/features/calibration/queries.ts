/**
 * Calibration data: TanStack Query hooks over the typed client. Response types come from the server's
 * routes (`InferResponseType`); the CSV import goes through `postCsv` (a raw `text/csv` body).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, expectOk, unwrap } from '../../lib/api';
import { postCsv } from '../../lib/csv-import';

const cal = api.calibration;

export type RubricVersionSummary = InferResponseType<(typeof cal.rubrics)[':examId']['$get'], 200>[number];
export type RubricVersion = InferResponseType<(typeof cal.rubrics)[':examId'][':version']['$get'], 200>;
export type RubricCriterion = RubricVersion['rubric']['criteria'][number];
export type RubricDiff = InferResponseType<(typeof cal.rubrics)[':examId']['diff']['$get'], 200>;
export type RubricChange = RubricDiff['criteria'][number]['changes'][number];
export type RubricVersionInput = InferRequestType<(typeof cal.rubrics)[':examId']['$post']>['json'];
export type CalibrationSetSummary = InferResponseType<typeof cal.sets.$get, 200>[number];
export type CalibrationSet = InferResponseType<(typeof cal.sets)[':id']['$get'], 200>;
export type CalibrationRun = CalibrationSet['runs'][number];
export type RunAgreement = InferResponseType<(typeof cal.runs)[':id']['agreement']['$get'], 200>;
export type AgreementMetrics = RunAgreement['overall'];
export type CriterionAgreement = RunAgreement['criteria'][number];
export type CalibrationItem = InferResponseType<(typeof cal.runs)[':id']['items']['$get'], 200>[number];
export type Comparison = InferResponseType<typeof cal.compare.$get, 200>;
export type ImportResult = InferResponseType<(typeof cal.sets)[':id']['scores']['$post'], 200>;

export { CsvImportError, type CsvRowError } from '../../lib/csv-import';

export const calibrationKeys = {
  sets: (examId: string) => ['calibration', 'sets', examId] as const,
  set: (id: string) => ['calibration', 'set', id] as const,
  rubrics: (examId: string) => ['calibration', 'rubrics', examId] as const,
  rubric: (examId: string, version: string) => ['calibration', 'rubric', examId, version] as const,
  diff: (examId: string, from: string, to: string) => ['calibration', 'diff', examId, from, to] as const,
  run: (id: string) => ['calibration', 'run', id] as const,
  agreement: (id: string, rater: string | undefined) =>
    ['calibration', 'agreement', id, rater ?? ''] as const,
  items: (id: string, filter: ItemFilter) => ['calibration', 'items', id, filter] as const,
  compare: (a: string, b: string, rater: string | undefined) =>
    ['calibration', 'compare', a, b, rater ?? ''] as const,
};

/** While a run's reviews are queued or running, poll every few seconds. */
const POLL_MS = 2500;
const whileRunning = (status: string | undefined) => (status === 'running' ? POLL_MS : false);

export function useCalibrationSets(examId: string) {
  return useQuery({
    queryKey: calibrationKeys.sets(examId),
    queryFn: () => unwrap(cal.sets.$get({ query: { examId } })),
    enabled: Boolean(examId),
  });
}

export function useCreateSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; examId: string }) => unwrap(cal.sets.$post({ json: input })),
    onSuccess: (set) => {
      queryClient.setQueryData(calibrationKeys.set(set.id), set);
      return queryClient.invalidateQueries({ queryKey: calibrationKeys.sets(set.examId) });
    },
  });
}

export function useCalibrationSet(id: string) {
  return useQuery({
    queryKey: calibrationKeys.set(id),
    queryFn: () => unwrap(cal.sets[':id'].$get({ param: { id } })),
    refetchInterval: (query) =>
      query.state.data?.runs.some((r) => r.status === 'running') ? POLL_MS : false,
  });
}

export function useDeleteSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (set: { id: string; examId: string }) =>
      expectOk(cal.sets[':id'].$delete({ param: { id: set.id } })),
    onSuccess: (_data, set) => {
      queryClient.removeQueries({ queryKey: calibrationKeys.set(set.id) });
      return queryClient.invalidateQueries({ queryKey: calibrationKeys.sets(set.examId) });
    },
  });
}

/** Sends a CSV file as it is (`text/csv`); a refusal carries each bad line. */
export function importScores(setId: string, file: Blob): Promise<ImportResult> {
  return postCsv(cal.sets[':id'].scores.$path({ param: { id: setId } }), file);
}

export function useImportScores(setId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => importScores(setId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calibration'] }),
  });
}

export function useImportTrainerScores(setId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(cal.sets[':id']['trainer-scores'].$post({ param: { id: setId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calibration'] }),
  });
}

export function useStartRun(setId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rubricVersion: string) =>
      unwrap(cal.sets[':id'].runs.$post({ param: { id: setId }, json: { rubricVersion } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calibrationKeys.set(setId) }),
  });
}

export function useStartComparison(setId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { a: string; b: string }) =>
      unwrap(cal.sets[':id'].compare.$post({ param: { id: setId }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calibrationKeys.set(setId) }),
  });
}

export function useRun(id: string) {
  return useQuery({
    queryKey: calibrationKeys.run(id),
    queryFn: () => unwrap(cal.runs[':id'].$get({ param: { id } })),
    refetchInterval: (query) => whileRunning(query.state.data?.status),
  });
}

export function useAgreement(id: string, rater: string | undefined, runStatus: string | undefined) {
  return useQuery({
    queryKey: calibrationKeys.agreement(id, rater),
    queryFn: () => unwrap(cal.runs[':id'].agreement.$get({ param: { id }, query: rater ? { rater } : {} })),
    // Follows the run: refreshed while its reviews come in.
    refetchInterval: () => whileRunning(runStatus),
  });
}

export interface ItemFilter {
  criterionId?: string;
  human?: number;
  ai?: number;
  rater?: string;
}

export function useItems(id: string, filter: ItemFilter | null) {
  return useQuery({
    queryKey: calibrationKeys.items(id, filter ?? {}),
    queryFn: () =>
      unwrap(
        cal.runs[':id'].items.$get({
          param: { id },
          query: {
            ...(filter?.criterionId ? { criterionId: filter.criterionId } : {}),
            ...(filter?.human === undefined ? {} : { human: String(filter.human) }),
            ...(filter?.ai === undefined ? {} : { ai: String(filter.ai) }),
            ...(filter?.rater ? { rater: filter.rater } : {}),
          },
        }),
      ),
    enabled: filter !== null,
  });
}

export function useComparison(a: string, b: string, rater: string | undefined, poll: boolean) {
  return useQuery({
    queryKey: calibrationKeys.compare(a, b, rater),
    queryFn: () => unwrap(cal.compare.$get({ query: { a, b, ...(rater ? { rater } : {}) } })),
    enabled: Boolean(a && b),
    refetchInterval: (query) =>
      poll || query.state.data?.a.run.status === 'running' || query.state.data?.b.run.status === 'running'
        ? POLL_MS
        : false,
  });
}

export function useRubricVersions(examId: string) {
  return useQuery({
    queryKey: calibrationKeys.rubrics(examId),
    queryFn: () => unwrap(cal.rubrics[':examId'].$get({ param: { examId } })),
    enabled: Boolean(examId),
  });
}

export function useRubricVersion(examId: string, version: string) {
  return useQuery({
    queryKey: calibrationKeys.rubric(examId, version),
    queryFn: () => unwrap(cal.rubrics[':examId'][':version'].$get({ param: { examId, version } })),
    enabled: Boolean(examId && version),
  });
}

export function useRubricDiff(examId: string, from: string, to: string) {
  return useQuery({
    queryKey: calibrationKeys.diff(examId, from, to),
    queryFn: () => unwrap(cal.rubrics[':examId'].diff.$get({ param: { examId }, query: { from, to } })),
    enabled: Boolean(examId && from && to && from !== to),
  });
}

export function useSaveRubric(examId: string, editing: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RubricVersionInput) =>
      editing
        ? unwrap(
            cal.rubrics[':examId'][':version'].$put({
              param: { examId, version: editing },
              json: { criteria: input.criteria, ...(input.note === undefined ? {} : { note: input.note }) },
            }),
          )
        : unwrap(cal.rubrics[':examId'].$post({ param: { examId }, json: input })),
    onSuccess: (saved) => {
      queryClient.setQueryData(calibrationKeys.rubric(examId, saved.version), saved);
      return queryClient.invalidateQueries({ queryKey: calibrationKeys.rubrics(examId) });
    },
  });
}

export function useActivateRubric(examId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      unwrap(cal.rubrics[':examId'][':version'].activate.$post({ param: { examId, version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calibrationKeys.rubrics(examId) }),
  });
}

/** Same-origin URLs of the exports (plain links: the browser downloads them with the session cookie). */
export const calibrationUrls = {
  template: (setId: string) => cal.sets[':id']['template.csv'].$path({ param: { id: setId } }),
  scores: (runId: string) => cal.runs[':id']['scores.csv'].$path({ param: { id: runId } }),
  agreement: (runId: string, rater?: string) =>
    withQuery(cal.runs[':id']['agreement.csv'].$path({ param: { id: runId }, query: {} }), { rater }),
  report: (runId: string, options: { against?: string; rater?: string } = {}) =>
    withQuery(cal.runs[':id']['report.html'].$path({ param: { id: runId }, query: {} }), options),
};

function withQuery(path: string, query: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
