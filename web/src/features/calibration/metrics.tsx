import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import styles from './calibration.module.css';
import { biasDirection, formatInterval, formatMetric, formatPercent, formatSigned, qwkBand } from './format';
import type { AgreementMetrics, CriterionAgreement } from './queries';

type Interval = AgreementMetrics['ci']['qwk'];

const bandClass = { good: styles.qwkGood, fair: styles.qwkFair, poor: styles.qwkPoor };
const biasClass = { higher: styles.biasHigher, lower: styles.biasLower, none: styles.biasNone };

/**
 * QWK with its reading (« bon », « moyen », « faible ») in words, not colour alone; below the minimum n,
 * « échantillon insuffisant » instead, uncoloured: a figure on a handful of pairs is neither good nor bad.
 */
export function QwkValue({ qwk, sufficient = true }: { qwk: number | null; sufficient?: boolean }) {
  const { t, i18n } = useTranslation();
  const band = sufficient ? qwkBand(qwk) : null;
  return (
    <span className={band ? bandClass[band] : undefined} data-band={band ?? undefined}>
      {formatMetric(qwk, i18n.language)}
      {band && <span className={styles.qwkBand}>{t(`calibration.qwkBand.${band}`)}</span>}
    </span>
  );
}

/**
 * Mean difference, signed, with which way the second rater leans. AI against a human: « IA plus
 * généreuse / sévère », coloured. Two humans (`pair`): a neutral « B note plus haut que A », uncoloured.
 */
export function BiasValue({
  bias,
  sufficient = true,
  pair,
}: {
  bias: number | null;
  sufficient?: boolean;
  pair?: readonly [string, string];
}) {
  const { t, i18n } = useTranslation();
  const direction = biasDirection(bias);
  const neutral = pair !== undefined || !sufficient;
  return (
    <span className="bias">
      {formatSigned(bias, i18n.language)}
      {direction && (
        <span
          className={`${styles.biasLabel} ${neutral ? styles.biasNeutral : biasClass[direction]}`}
          data-bias={neutral ? 'neutral' : direction}
        >
          {pair
            ? t(`calibration.bias.pair.${direction}`, { a: pair[0], b: pair[1] })
            : t(`calibration.bias.${direction}`)}
        </span>
      )}
    </span>
  );
}

/** « IC 95 % [0,55 ; 0,82] »: the bootstrap interval under a figure. */
export function IntervalNote({
  interval,
  format,
}: {
  interval: Interval;
  format?: (value: number, lang: string) => string;
}) {
  const { t, i18n } = useTranslation();
  if (!interval) return null;
  return (
    <span className={styles.metricCi}>
      {t('calibration.metric.ci', { interval: formatInterval(interval, i18n.language, format) })}
    </span>
  );
}

/** n, and « échantillon insuffisant » below the minimum. */
export function SampleSize({ m }: { m: AgreementMetrics }) {
  const { t } = useTranslation();
  return (
    <span className="sample-size">
      {m.n}
      {!m.sufficient && m.n > 0 && (
        <span
          className={styles.sampleInsufficient}
          title={t('calibration.metric.insufficientHelp', { min: m.minN })}
        >
          {t('calibration.metric.insufficient')}
        </span>
      )}
    </span>
  );
}

const percent = (v: number, lang: string) => formatPercent(v, lang);
const signed = (v: number, lang: string) => formatSigned(v, lang);

type Metric = 'n' | 'qwk' | 'kappa' | 'exact' | 'adjacent' | 'mae' | 'smd' | 'bias';
/** The tiles' order, and the agreement table's columns after the criterion. */
const TILE_METRICS: readonly Metric[] = ['qwk', 'kappa', 'exact', 'adjacent', 'mae', 'bias', 'n'];
const TABLE_METRICS: readonly Metric[] = ['n', 'qwk', 'kappa', 'exact', 'adjacent', 'mae', 'smd', 'bias'];
/** How the figures shown as plain numbers are written. */
const VALUE_FORMAT: Partial<Record<Metric, typeof formatMetric>> = {
  kappa: formatMetric,
  exact: formatPercent,
  adjacent: formatPercent,
  mae: formatMetric,
  smd: formatSigned,
};
/** How an interval is written, where not as a plain metric. */
const INTERVAL_FORMAT: Partial<Record<Metric, typeof percent>> = {
  exact: percent,
  adjacent: percent,
  smd: signed,
  bias: signed,
};
/** Written as an abbreviation with its long form in a title. */
const ABBREVIATED: ReadonlySet<Metric> = new Set(['qwk', 'kappa', 'mae', 'smd']);

/** One figure with its 95 % interval beneath, as the tiles and the table cells show it. */
function metricFigure(metric: Metric, m: AgreementMetrics, lang: string, pair?: readonly [string, string]) {
  if (metric === 'n') return <SampleSize m={m} />;
  return (
    <>
      {metric === 'qwk' ? (
        <QwkValue qwk={m.qwk} sufficient={m.sufficient} />
      ) : metric === 'bias' ? (
        <BiasValue bias={m.bias} sufficient={m.sufficient} pair={pair} />
      ) : (
        VALUE_FORMAT[metric]?.(m[metric], lang)
      )}
      <IntervalNote interval={m.ci[metric]} format={INTERVAL_FORMAT[metric]} />
    </>
  );
}

/** The overall figures as tiles, each with its 95 % interval. `pair`: two humans, neutral wording. */
export function MetricTiles({
  metrics,
  label,
  pair,
}: {
  metrics: AgreementMetrics;
  label: string;
  pair?: readonly [string, string];
}) {
  const { t, i18n } = useTranslation();
  return (
    <dl className={styles.metricTiles} aria-label={label}>
      {TILE_METRICS.map((metric) => (
        <div key={metric} className={styles.metricTile}>
          <dt>{t(`calibration.metric.${metric}`)}</dt>
          <dd>{metricFigure(metric, metrics, i18n.language, pair)}</dd>
        </div>
      ))}
    </dl>
  );
}

function MetricCells({ m }: { m: AgreementMetrics }) {
  const { i18n } = useTranslation();
  return (
    <>
      {TABLE_METRICS.map((metric) => (
        <td key={metric} className="num">
          {metricFigure(metric, m, i18n.language)}
        </td>
      ))}
    </>
  );
}

/**
 * Per criterion and overall: n, QWK, κ, exact, adjacent, MAE, SMD, bias, and the human–human QWK where
 * two raters scored. A criterion's id selects it for the confusion matrix.
 */
export function AgreementTable({
  criteria,
  overall,
  humanHuman,
  selected,
  onSelect,
}: {
  criteria: CriterionAgreement[];
  overall: AgreementMetrics;
  humanHuman: boolean;
  selected: string | null;
  onSelect: (criterionId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      className={styles.agreementTable}
      caption={t('calibration.run.tableCaption')}
      captionClassName="visually-hidden"
      columns={[
        { label: t('calibration.metric.criterion') },
        ...TABLE_METRICS.map((metric) => ({
          key: metric,
          num: true,
          label: ABBREVIATED.has(metric) ? (
            <abbr title={t(`calibration.metric.${metric}Long`)}>{t(`calibration.metric.${metric}`)}</abbr>
          ) : (
            t(`calibration.metric.${metric}`)
          ),
        })),
        ...(humanHuman ? [{ label: t('calibration.metric.humanHuman'), num: true }] : []),
      ]}
      foot={
        <tr>
          <th scope="row">{t('calibration.metric.overall')}</th>
          <MetricCells m={overall} />
          {humanHuman && <td />}
        </tr>
      }
    >
      {criteria.map((c) => (
        <tr key={c.id} className={selected === c.id ? 'is-selected' : undefined}>
          <th scope="row">
            <button
              type="button"
              className="link-button"
              aria-pressed={selected === c.id}
              title={c.text}
              onClick={() => onSelect(selected === c.id ? null : c.id)}
            >
              {c.id}
            </button>
            <span className={styles.criterionText}>{c.text}</span>
          </th>
          <MetricCells m={c.metrics} />
          {humanHuman && (
            <td className="num">
              {c.humanHuman ? formatMetric(c.humanHuman.qwk, i18n.language) : '—'}
              <IntervalNote interval={c.humanHuman?.ci.qwk ?? null} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
