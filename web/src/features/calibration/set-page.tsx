import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable, LineErrorsTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { InlineError, useErrorMessage } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useExam } from '../referential/queries';
import styles from './calibration.module.css';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import {
  type CalibrationSet,
  CsvImportError,
  calibrationUrls,
  type ImportResult,
  useCalibrationSet,
  useDeleteSet,
  useImportScores,
  useImportTrainerScores,
  useRubricVersions,
  useStartComparison,
  useStartRun,
} from './queries';
import { RunProgress } from './run-progress';

/** `/calibration/jeux/:id`: a set's human scores, its runs, and comparisons. */
export const CalibrationSetPage = calibrationPage(SetView);

function SetView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const set = useCalibrationSet(id);
  const exam = useExam(set.data?.examId);
  useDocumentTitle(set.data?.name ?? t('calibration.set.title'));
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb
        examId={set.data?.examId}
        current={set.data?.name ?? t('calibration.set.title')}
      />
      <QueryState query={set} back={{ to: '/calibration', label: t('calibration.back') }}>
        {(data) => (
          <>
            <PageHeader
              eyebrow={exam.data ? `${exam.data.bloc} · ${exam.data.case}` : data.examId}
              title={data.name}
              lead={t('calibration.set.lead')}
            />
            <HumanScores set={data} />
            <Runs set={data} />
            <Compare set={data} />
            <DeleteSet set={data} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function ImportErrors({ error }: { error: CsvImportError }) {
  const { t } = useTranslation();
  return (
    <div className={styles.importErrors} role="alert">
      {/* The server's message repeats the first lines; the table lists them all, once. */}
      <p className="inline-error">{t('calibration.import.refused')}</p>
      <LineErrorsTable
        caption={t('calibration.import.errorsCaption', { count: error.total })}
        line={t('calibration.import.line')}
        problem={t('calibration.import.problem')}
        rows={error.rows}
      />
      {error.total > error.rows.length && (
        <p className="muted small">
          {t('calibration.import.more', { count: error.total - error.rows.length })}
        </p>
      )}
    </div>
  );
}

function HumanScores({ set }: { set: CalibrationSet }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const upload = useImportScores(set.id);
  const trainers = useImportTrainerScores(set.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    upload.mutate(file, { onSuccess: (r) => setResult(r) });
  }

  return (
    <section className="card section" aria-labelledby="human-scores-title">
      <h2 id="human-scores-title">{t('calibration.set.humanScores')}</h2>
      <p>{t('calibration.set.summary', { dossiers: set.dossiers.length, scores: set.scores })}</p>
      {set.raters.length > 0 && (
        <ul className={styles.raterList} aria-label={t('calibration.set.raters')}>
          {set.raters.map((r) => (
            <li key={r.rater} className="tag">
              {r.rater}
              <span className="muted">
                {' '}
                · {t(`calibration.set.source.${r.source}`)} ·{' '}
                {t('calibration.set.rater', { count: r.scores })}
              </span>
            </li>
          ))}
        </ul>
      )}

      <form className={styles.importForm} onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{t('calibration.import.label')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={`${inputId}-help`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
              setResult(null);
            }}
          />
          <p id={`${inputId}-help`} className="muted small">
            {t('calibration.import.help')}{' '}
            <a href={calibrationUrls.template(set.id)} download>
              {t('calibration.import.template')}
            </a>
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={!file || upload.isPending}>
          {upload.isPending ? t('calibration.import.sending') : t('calibration.import.submit')}
        </button>
      </form>
      {upload.error instanceof CsvImportError ? (
        <ImportErrors error={upload.error} />
      ) : upload.error ? (
        <InlineError error={upload.error} />
      ) : null}
      {result && (
        <p className={styles.successMessage} role="status">
          {t('calibration.import.done', {
            count: result.imported,
            created: result.created,
            updated: result.updated,
            dossiers: result.dossiers,
          })}
        </p>
      )}

      <div className={styles.trainerImport}>
        <p className="muted small">{t('calibration.trainers.help')}</p>
        <button
          type="button"
          className="button button-secondary"
          disabled={trainers.isPending}
          onClick={() => trainers.mutate()}
        >
          {t('calibration.trainers.import')}
        </button>
        {trainers.data && (
          <p role="status">
            {t('calibration.trainers.done', {
              count: trainers.data.imported,
              dossiers: trainers.data.dossiers,
            })}
          </p>
        )}
        {trainers.error && <InlineError error={trainers.error} />}
      </div>

      {set.dossiers.length > 0 && (
        <details className={styles.setDossiers}>
          <summary>{t('calibration.set.dossiers', { count: set.dossiers.length })}</summary>
          <DataTable
            columns={[
              { label: t('calibration.set.candidate') },
              { label: t('calibration.set.dossier') },
              { label: t('calibration.set.version'), num: true },
              { label: t('calibration.set.scores'), num: true },
            ]}
          >
            {set.dossiers.map((d) => (
              <tr key={`${d.id}-${d.version}`}>
                <td>{d.candidate}</td>
                <td>
                  <Link to={`/dossiers/${d.id}`}>{d.title}</Link>
                </td>
                <td className="num">
                  {d.version === d.latestVersion
                    ? d.version
                    : t('calibration.set.versionOf', { version: d.version, latest: d.latestVersion })}
                </td>
                <td className="num">{d.scores}</td>
              </tr>
            ))}
          </DataTable>
        </details>
      )}
    </section>
  );
}

function VersionSelect({
  id,
  label,
  examId,
  value,
  onChange,
}: {
  id: string;
  label: string;
  examId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const versions = useRubricVersions(examId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {(versions.data ?? []).map((v) => (
          <option key={v.version} value={v.version}>
            {v.active ? t('calibration.rubrics.optionActive', { version: v.version }) : v.version}
          </option>
        ))}
      </select>
    </div>
  );
}

function Runs({ set }: { set: CalibrationSet }) {
  const { t, i18n } = useTranslation();
  const versions = useRubricVersions(set.examId);
  const active = versions.data?.find((v) => v.active)?.version ?? 'v1';
  const [chosen, setChosen] = useState<string | null>(null);
  const start = useStartRun(set.id);
  const navigate = useNavigate();
  const version = chosen ?? active;
  return (
    <section className="card section" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('calibration.runs.title')}</h2>
      <p className="section-intro">{t('calibration.runs.intro')}</p>
      <form
        className={styles.inlineForm}
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate(version, { onSuccess: (run) => navigate(`/calibration/analyses/${run.id}`) });
        }}
      >
        <VersionSelect
          id="run-version"
          label={t('calibration.runs.version')}
          examId={set.examId}
          value={version}
          onChange={setChosen}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={start.isPending || set.scores === 0}
        >
          {t('calibration.runs.start')}
        </button>
      </form>
      {set.scores === 0 && <p className="muted small">{t('calibration.runs.needScores')}</p>}
      {start.error && <InlineError error={start.error} />}
      {set.runs.length > 0 && (
        <DataTable
          className="runs-table"
          columns={[
            ...['date', 'rubric', 'grader', 'progress'].map((k) => ({ label: t(`calibration.runs.${k}`) })),
            { label: t('calibration.runs.open'), hidden: true },
          ]}
        >
          {set.runs.map((run) => (
            <tr key={run.id}>
              <td>{formatDate(run.createdAt, i18n.language)}</td>
              <td>{run.rubricVersion}</td>
              <td className="small">
                {run.provider} — {run.model}
              </td>
              <td>
                <RunProgress run={run} />
              </td>
              <td>
                <Link to={`/calibration/analyses/${run.id}`}>
                  {t('calibration.runs.openRun', { version: run.rubricVersion })}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function Compare({ set }: { set: CalibrationSet }) {
  const { t, i18n } = useTranslation();
  const versions = useRubricVersions(set.examId);
  const list = versions.data ?? [];
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const from = a ?? list[list.length - 2]?.version ?? 'v1';
  const to = b ?? list[list.length - 1]?.version ?? 'v1';
  const start = useStartComparison(set.id);
  const navigate = useNavigate();
  const [runA, setRunA] = useState('');
  const [runB, setRunB] = useState('');
  const runLabel = (run: CalibrationSet['runs'][number]) =>
    `${run.rubricVersion} — ${formatDate(run.createdAt, i18n.language)}`;
  return (
    <section className="card section" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('calibration.compare.title')}</h2>
      <p className="section-intro">{t('calibration.compare.intro')}</p>
      <form
        className={styles.inlineForm}
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate(
            { a: from, b: to },
            { onSuccess: (runs) => navigate(`/calibration/comparaison?a=${runs.a.id}&b=${runs.b.id}`) },
          );
        }}
      >
        <VersionSelect
          id="compare-a"
          label={t('calibration.compare.versionA')}
          examId={set.examId}
          value={from}
          onChange={setA}
        />
        <VersionSelect
          id="compare-b"
          label={t('calibration.compare.versionB')}
          examId={set.examId}
          value={to}
          onChange={setB}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={start.isPending || from === to || set.scores === 0}
        >
          {t('calibration.compare.start')}
        </button>
      </form>
      {from === to && list.length > 1 && (
        <p className="muted small">{t('calibration.compare.sameVersion')}</p>
      )}
      {list.length < 2 && (
        <p className="muted small">
          {t('calibration.compare.needVersions')}{' '}
          <Link to={`/calibration/grilles/${set.examId}/nouvelle`}>{t('calibration.rubrics.new')}</Link>
        </p>
      )}
      {start.error && <InlineError error={start.error} />}
      {set.runs.length >= 2 && (
        <details className={styles.compareRuns}>
          <summary>{t('calibration.compare.existing')}</summary>
          <div className={styles.inlineForm}>
            {(
              [
                ['a', 'runA', runA, setRunA],
                ['b', 'runB', runB, setRunB],
              ] as const
            ).map(([side, label, value, onChange]) => (
              <div key={side} className="field">
                <label htmlFor={`compare-run-${side}`}>{t(`calibration.compare.${label}`)}</label>
                <select id={`compare-run-${side}`} value={value} onChange={(e) => onChange(e.target.value)}>
                  <option value="">—</option>
                  {set.runs.map((run) => (
                    <option key={run.id} value={run.id}>
                      {runLabel(run)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            {runA && runB && runA !== runB ? (
              <Link className="button button-secondary" to={`/calibration/comparaison?a=${runA}&b=${runB}`}>
                {t('calibration.compare.open')}
              </Link>
            ) : (
              <span className="button button-secondary is-disabled" aria-disabled="true">
                {t('calibration.compare.open')}
              </span>
            )}
          </div>
        </details>
      )}
    </section>
  );
}

function DeleteSet({ set }: { set: CalibrationSet }) {
  const { t } = useTranslation();
  const remove = useDeleteSet();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  return (
    <div className="danger-zone">
      <button
        type="button"
        className="button button-danger-outline button-small"
        disabled={remove.isPending}
        onClick={() => {
          if (!window.confirm(t('calibration.set.deleteConfirm', { name: set.name }))) return;
          remove.mutate(
            { id: set.id, examId: set.examId },
            { onSuccess: () => navigate(`/calibration?epreuve=${set.examId}`) },
          );
        }}
      >
        {t('calibration.set.delete')}
      </button>
      {remove.error && <p className="inline-error">{errorMessage(remove.error)}</p>}
    </div>
  );
}
