import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { allQueries, QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import styles from './calibration.module.css';
import { type Cell, ConfusionMatrix } from './confusion-matrix';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import { AgreementTable, MetricTiles } from './metrics';
import { calibrationUrls, type RunAgreement, useAgreement, useItems, useRun } from './queries';
import { RunProgress } from './run-progress';

/** `/calibration/analyses/:id`: agreement of one run, per criterion, with the confusion matrix. */
export const CalibrationRunPage = calibrationPage(RunView);

function RunView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rater = params.get('correcteur') ?? undefined;
  const run = useRun(id);
  const agreement = useAgreement(id, rater, run.data?.status);
  useDocumentTitle(t('calibration.run.title'));
  const data = agreement.data;
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb
        examId={data?.set.examId}
        set={data?.set}
        current={
          data ? t('calibration.run.crumb', { version: data.run.rubricVersion }) : t('calibration.run.title')
        }
      />
      <QueryState
        query={allQueries(agreement, run)}
        back={{ to: '/calibration', label: t('calibration.back') }}
      >
        {([loaded, runData]) => (
          <>
            <PageHeader
              eyebrow={loaded.set.name}
              title={t('calibration.run.heading', { version: loaded.run.rubricVersion })}
            >
              <RunMeta data={loaded} />
            </PageHeader>
            {(runData.status === 'running' || runData.progress.failed > 0) && <RunProgress run={runData} />}
            <Agreement
              key={`${id}-${loaded.rater ?? ''}`}
              runId={id}
              data={loaded}
              onRater={(r) => setParams(r ? { correcteur: r } : {}, { replace: true })}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

function RunMeta({ data }: { data: RunAgreement }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="muted">
        {t('calibration.run.meta', {
          provider: data.run.provider,
          model: data.run.model,
          prompt: data.run.promptVersion,
          date: formatDate(data.run.createdAt, i18n.language),
        })}
      </p>
      {data.run.provider === 'offline' && <p className={styles.note}>{t('calibration.run.offlineNote')}</p>}
    </>
  );
}

function Agreement({
  runId,
  data,
  onRater,
}: {
  runId: string;
  data: RunAgreement;
  onRater: (rater: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [criterionId, setCriterionId] = useState<string | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const criterion = data.criteria.find((c) => c.id === criterionId) ?? null;
  const matrix = criterion ? criterion.confusion : data.confusion;
  const rater = data.rater ?? t('calibration.matrix.human');

  if (data.raters.length === 0) {
    return (
      <div className="state state-empty">
        <p className="state-title">{t('calibration.run.noScoresTitle')}</p>
        <p>{t('calibration.run.noScores')}</p>
      </div>
    );
  }

  return (
    <>
      <section className="card section" aria-labelledby="agreement-title">
        <div className="section-head">
          <h2 id="agreement-title">{t('calibration.run.agreement')}</h2>
          {data.raters.length > 1 && <RaterSelect data={data} onRater={onRater} />}
        </div>
        <p className="muted small">
          {t('calibration.run.coverage', {
            scores: data.coverage.humanScores,
            rater,
            without: data.coverage.withoutAi,
          })}
        </p>
        <MetricTiles metrics={data.overall} label={t('calibration.run.overall')} />
        <AgreementTable
          criteria={data.criteria}
          overall={data.overall}
          humanHuman={data.humanHuman !== null}
          selected={criterionId}
          onSelect={(id) => {
            setCriterionId(id);
            setCell(null);
          }}
        />
        <p className="muted small">{t('calibration.run.legend')}</p>
      </section>

      <section className="card section" aria-labelledby="matrix-title">
        <div className="section-head">
          <h2 id="matrix-title">{t('calibration.matrix.title')}</h2>
          <div className={`field ${styles.fieldInline}`}>
            <label htmlFor="matrix-criterion">{t('calibration.matrix.criterion')}</label>
            <select
              id="matrix-criterion"
              value={criterionId ?? ''}
              onChange={(e) => {
                setCriterionId(e.target.value || null);
                setCell(null);
              }}
            >
              <option value="">{t('calibration.matrix.all')}</option>
              {data.criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('calibration.matrix.criterionOption', { id: c.id, n: c.metrics.n })}
                </option>
              ))}
            </select>
          </div>
        </div>
        {criterion && <p className={styles.criterionQuote}>{criterion.text}</p>}
        <ConfusionMatrix
          matrix={matrix}
          min={data.scale.min}
          caption={
            criterion
              ? t('calibration.matrix.captionCriterion', { id: criterion.id, n: criterion.metrics.n })
              : t('calibration.matrix.captionAll', { n: data.overall.n })
          }
          raterLabel={rater}
          selected={cell}
          onSelect={setCell}
        />
        <p className="muted small">{t('calibration.matrix.help')}</p>
        {cell && (
          <CellDossiers
            runId={runId}
            criterionId={criterionId}
            cell={cell}
            rater={data.rater ?? undefined}
            raterLabel={rater}
          />
        )}
      </section>

      {data.humanHuman && <HumanHumanSection pair={data.humanHuman} />}

      <RunExports runId={runId} rater={data.rater ?? undefined} />
    </>
  );
}

/** Whose scores the AI is compared with, when more than one person scored the set. */
function RaterSelect({
  data,
  onRater,
}: {
  data: RunAgreement;
  onRater: (rater: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field ${styles.fieldInline}`}>
      <label htmlFor="rater">{t('calibration.run.rater')}</label>
      <select
        id="rater"
        value={data.rater ?? ''}
        onChange={(e) => onRater(e.target.value === data.raters[0] ? undefined : e.target.value)}
      >
        {data.raters.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two people against each other on the same dossiers: the bar the AI is held to. */
function HumanHumanSection({ pair }: { pair: NonNullable<RunAgreement['humanHuman']> }) {
  const { t } = useTranslation();
  return (
    <section className="card section" aria-labelledby="hh-title">
      <h2 id="hh-title">
        {t('calibration.humanHuman.title', {
          a: pair.raters[0],
          b: pair.raters[1],
        })}
      </h2>
      <p className="section-intro">{t('calibration.humanHuman.intro')}</p>
      <MetricTiles
        metrics={pair.overall}
        pair={pair.raters}
        label={t('calibration.humanHuman.title', {
          a: pair.raters[0],
          b: pair.raters[1],
        })}
      />
    </section>
  );
}

/** The CSV exports and the printable report of a run. */
function RunExports({ runId, rater }: { runId: string; rater: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="card section" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('calibration.exports.title')}</h2>
      <div className="button-row">
        <a className="button button-secondary" href={calibrationUrls.scores(runId)} download>
          {t('calibration.exports.scores')}
        </a>
        <a className="button button-secondary" href={calibrationUrls.agreement(runId, rater)} download>
          {t('calibration.exports.agreement')}
        </a>
        <a
          className="button button-secondary"
          href={calibrationUrls.report(runId, { rater: rater })}
          target="_blank"
          rel="noreferrer"
        >
          {t('calibration.exports.report')} <span className="visually-hidden">{t('common.newTab')}</span>
        </a>
      </div>
    </section>
  );
}

/** The dossiers of one matrix cell: who they are, what the AI quoted and why it scored so. */
function CellDossiers({
  runId,
  criterionId,
  cell,
  rater,
  raterLabel,
}: {
  runId: string;
  criterionId: string | null;
  cell: Cell;
  rater: string | undefined;
  raterLabel: string;
}) {
  const { t } = useTranslation();
  const items = useItems(runId, {
    criterionId: criterionId ?? undefined,
    human: cell.human,
    ai: cell.ai,
    rater,
  });
  const title = criterionId
    ? t('calibration.drill.titleCriterion', {
        id: criterionId,
        human: cell.human,
        ai: cell.ai,
        rater: raterLabel,
      })
    : t('calibration.drill.title', { human: cell.human, ai: cell.ai, rater: raterLabel });
  return (
    <div className={styles.drillDown} aria-live="polite">
      <h3>{title}</h3>
      <QueryState query={items}>
        {(data) =>
          data.length === 0 ? (
            <p className="muted">{t('calibration.drill.none')}</p>
          ) : (
            <ul className={styles.drillItems}>
              {data.map((item) => (
                <li key={`${item.dossierId}-${item.criterionId}`} className={styles.drillItem}>
                  <p className={styles.drillHead}>
                    <strong>{item.candidate}</strong> · {item.title}{' '}
                    <span className="muted small">
                      {t('calibration.drill.scores', {
                        id: item.criterionId,
                        human: item.human,
                        ai: item.ai,
                        rater: item.rater,
                        version: item.version,
                      })}
                    </span>
                  </p>
                  {item.rationale && <p className={styles.drillRationale}>{item.rationale}</p>}
                  {item.evidence.length > 0 ? (
                    <ul className={styles.drillEvidence} aria-label={t('calibration.drill.evidence')}>
                      {item.evidence.map((e) => (
                        <li key={`${e.page}-${e.quote.slice(0, 40)}`}>
                          <q>{e.quote}</q>{' '}
                          <span className="muted small">{t('calibration.drill.page', { page: e.page })}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted small">{t('calibration.drill.noEvidence')}</p>
                  )}
                  {item.missing.length > 0 && (
                    <p className="small">
                      <span className="muted">{t('calibration.drill.missing')}</span>{' '}
                      {item.missing.join(' ; ')}
                    </p>
                  )}
                  <Link to={`/revues/${item.reviewId}#criterion-${item.criterionId}`}>
                    {t('calibration.drill.open')}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
