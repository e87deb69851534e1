import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_TICK, ChartFigure, chartFrame, GRID_STROKE, TARGET_LINE } from '../../components/chart-figure';
import { legendText } from '../../components/chart-legend';
import { DataTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { ErrorState } from '../../components/states';
import styles from './calibration.module.css';
import { formatMetric, formatPercent, formatSigned } from './format';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import { MetricTiles } from './metrics';
import { type Comparison, calibrationUrls, useComparison } from './queries';
import { RubricChangeList } from './rubric-changes';
import { RunProgress } from './run-progress';

/** `/calibration/comparaison?a=&b=`: two runs of one set side by side, and what changed per criterion. */
export const CalibrationComparePage = calibrationPage(CompareView);

function CompareView() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const comparison = useComparison(a, b, params.get('correcteur') ?? undefined, false);
  const data = comparison.data;
  const title = data
    ? t('calibration.comparison.heading', { a: data.a.run.rubricVersion, b: data.b.run.rubricVersion })
    : t('calibration.comparison.title');
  useDocumentTitle(title);
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb
        examId={data?.a.set.examId}
        set={data?.a.set}
        current={t('calibration.comparison.title')}
      />
      {!a || !b ? (
        <ErrorState
          error={null}
          title={t('calibration.comparison.missing')}
          back={{ to: '/calibration', label: t('calibration.back') }}
        />
      ) : (
        <QueryState query={comparison} back={{ to: '/calibration', label: t('calibration.back') }}>
          {(loaded) => <ComparisonView data={loaded} />}
        </QueryState>
      )}
    </div>
  );
}

function ComparisonView({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const { a, b } = data;
  const differs = (Object.keys(data.differs) as (keyof Comparison['differs'])[]).filter(
    (k) => data.differs[k],
  );
  const running = a.run.status === 'running' || b.run.status === 'running';
  return (
    <>
      <PageHeader
        eyebrow={a.set.name}
        title={t('calibration.comparison.heading', { a: a.run.rubricVersion, b: b.run.rubricVersion })}
        lead={
          differs.length === 0
            ? t('calibration.comparison.nothingDiffers')
            : t('calibration.comparison.differs', {
                what: differs.map((k) => t(`calibration.comparison.part.${k}`)).join(', '),
              })
        }
      >
        {a.run.provider === 'offline' && <p className={styles.note}>{t('calibration.run.offlineNote')}</p>}
      </PageHeader>
      {running && (
        <div className={styles.compareProgress}>
          <p>{t('calibration.comparison.running')}</p>
          <RunProgress run={a.run} />
          <RunProgress run={b.run} />
        </div>
      )}

      <section className="card section" aria-labelledby="side-title">
        <h2 id="side-title">{t('calibration.comparison.overall', { rater: data.rater ?? '—' })}</h2>
        <div className={styles.sideBySide}>
          <SideTiles side="A" run={a.run} metrics={a.overall} />
          <SideTiles side="B" run={b.run} metrics={b.overall} />
        </div>
      </section>

      <OverallChangeSection comparison={data} />

      <section className="card section" aria-labelledby="per-criterion-title">
        <h2 id="per-criterion-title">{t('calibration.comparison.perCriterion')}</h2>
        <CriterionChart data={data} />
        <CriterionTable data={data} />
      </section>

      <section className="card section" aria-labelledby="changes-title">
        <h2 id="changes-title">
          {t('calibration.comparison.whatChanged', { a: data.rubricDiff.from, b: data.rubricDiff.to })}
        </h2>
        {data.rubricDiff.identical ? (
          <p>{t('calibration.comparison.identical')}</p>
        ) : (
          <>
            {data.rubricDiff.scale.length > 0 && <RubricChangeList changes={data.rubricDiff.scale} />}
            {data.rubricDiff.criteria.map((c) => (
              <div key={c.id} className={styles.criterionChanges}>
                <h3>{c.id}</h3>
                <RubricChangeList changes={c.changes} />
              </div>
            ))}
          </>
        )}
      </section>

      <div className="button-row">
        <a
          className="button button-secondary"
          href={calibrationUrls.report(a.run.id, { against: b.run.id, rater: data.rater ?? undefined })}
          target="_blank"
          rel="noreferrer"
        >
          {t('calibration.exports.report')} <span className="visually-hidden">{t('common.newTab')}</span>
        </a>
      </div>
    </>
  );
}

/** One run's overall agreement, A or B, with a link to the run. */
function SideTiles({
  side,
  run,
  metrics,
}: {
  side: 'A' | 'B';
  run: Comparison['a']['run'];
  metrics: Comparison['a']['overall'];
}) {
  const { t } = useTranslation();
  const label = t('calibration.comparison.side', { side, version: run.rubricVersion });
  return (
    <div>
      <h3>{label}</h3>
      <MetricTiles metrics={metrics} label={label} />
      <Link to={`/calibration/analyses/${run.id}`}>
        {t('calibration.comparison.openRun', { version: run.rubricVersion })}
      </Link>
    </div>
  );
}

/** QWK per criterion, A beside B, drawn (hidden from screen readers: the table says the same). */
function CriterionChart({ data }: { data: Comparison }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { a, b } = data;
  const chart = data.criteria.map((c) => ({ id: c.id, a: c.a.qwk ?? 0, b: c.b.qwk ?? 0 }));
  return (
    <ChartFigure className={styles.compareChart} caption={t('calibration.comparison.chartCaption')}>
      <BarChart data={chart} {...chartFrame(220, { top: 8, right: 16, bottom: 4, left: 0 })}>
        <CartesianGrid stroke={GRID_STROKE} vertical={false} />
        <XAxis dataKey="id" tick={AXIS_TICK} />
        <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 0.7, 1]} width={36} tick={AXIS_TICK} />
        <ReferenceLine y={0.7} {...TARGET_LINE} />
        <Tooltip
          formatter={(value: unknown) => (typeof value === 'number' ? formatMetric(value, lang) : '')}
        />
        <Legend formatter={legendText} />
        <Bar dataKey="a" name={`QWK ${a.run.rubricVersion} (A)`} fill="#94a3b8" />
        <Bar dataKey="b" name={`QWK ${b.run.rubricVersion} (B)`} fill="#23408e" />
      </BarChart>
    </ChartFigure>
  );
}

/** Per criterion, each figure A → B, how the AI's scores moved and how many rubric changes touched it. */
function CriterionTable({ data }: { data: Comparison }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <DataTable
      className={styles.calCompareTable}
      caption={t('calibration.comparison.perCriterion')}
      captionClassName="visually-hidden"
      columns={[
        { label: t('calibration.metric.criterion') },
        { label: t('calibration.comparison.qwkAB'), num: true },
        { label: 'Δ QWK', num: true },
        ...['exactAB', 'maeAB', 'biasAB'].map((k) => ({
          label: t(`calibration.comparison.${k}`),
          num: true,
        })),
        { label: t('calibration.comparison.aiScores') },
        { label: t('calibration.comparison.rubric') },
      ]}
    >
      {data.criteria.map((c) => (
        <tr key={c.id}>
          <th scope="row" title={c.text}>
            {c.id}
            <span className={styles.criterionText}>{c.text}</span>
          </th>
          <td className="num">
            {formatMetric(c.a.qwk, lang)} → {formatMetric(c.b.qwk, lang)}
          </td>
          <td className="num">
            <strong>{formatSigned(c.delta.qwk, lang)}</strong>
          </td>
          <td className="num">
            {formatPercent(c.a.exact, lang)} → {formatPercent(c.b.exact, lang)}
          </td>
          <td className="num">
            {formatMetric(c.a.mae, lang)} → {formatMetric(c.b.mae, lang)}
          </td>
          <td className="num">
            {formatSigned(c.a.bias, lang)} → {formatSigned(c.b.bias, lang)}
          </td>
          <td className={`small ${styles.aiMoves}`}>
            <span aria-hidden="true">
              ↑ {c.aiScores.up} · ↓ {c.aiScores.down} / {c.aiScores.compared}
            </span>
            <span className="visually-hidden">
              {t('calibration.comparison.moved', {
                up: c.aiScores.up,
                down: c.aiScores.down,
                count: c.aiScores.compared,
              })}
            </span>
          </td>
          <td className="small">
            {c.rubricChanges.length === 0
              ? t('calibration.change.none')
              : t('calibration.comparison.changes', { count: c.rubricChanges.length })}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * The overall score and the readiness verdicts, A → B: what candidates would see change. A weights-only
 * rubric change moves no criterion score, only this.
 */
function OverallChangeSection({ comparison }: { comparison: Comparison }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const o = comparison.overall;
  return (
    <section className="card section" aria-labelledby="verdicts-title">
      <h2 id="verdicts-title">{t('calibration.comparison.verdicts.title')}</h2>
      <dl className={styles.metricTiles}>
        <div className={styles.metricTile}>
          <dt>{t('calibration.comparison.verdicts.mean')}</dt>
          <dd>
            {formatMetric(o.meanA, lang)} → {formatMetric(o.meanB, lang)}
            <span className={styles.metricCi}>{formatSigned(o.meanDelta, lang)}</span>
          </dd>
        </div>
        <div className={styles.metricTile}>
          <dt>{t('calibration.comparison.verdicts.moved')}</dt>
          <dd>{t('calibration.comparison.verdicts.movedValue', { up: o.up, down: o.down })}</dd>
        </div>
        <div className={styles.metricTile}>
          <dt>{t('calibration.comparison.verdicts.changed')}</dt>
          <dd>
            {t('calibration.comparison.verdicts.changedValue', {
              count: o.verdictChanged,
              compared: o.compared,
            })}
          </dd>
        </div>
      </dl>
      <p>
        {t('calibration.comparison.verdicts.summary', {
          count: o.verdictChanged,
          more: o.moreReady,
          less: o.lessReady,
        })}
      </p>
      {o.transitions.length > 0 && (
        <ul>
          {o.transitions.map((tr) => (
            <li key={`${tr.from}-${tr.to}`}>
              {t('calibration.comparison.verdicts.transition', {
                count: tr.count,
                from: t(`readiness.${tr.from}`),
                to: t(`readiness.${tr.to}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
