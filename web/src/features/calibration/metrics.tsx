import { useTranslation } from 'react-i18next';
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
  const lang = i18n.language;
  return (
    <dl className={styles.metricTiles} aria-label={label}>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.qwk')}</dt>
        <dd>
          <QwkValue qwk={metrics.qwk} sufficient={metrics.sufficient} />
          <IntervalNote interval={metrics.ci.qwk} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.kappa')}</dt>
        <dd>
          {formatMetric(metrics.kappa, lang)}
          <IntervalNote interval={metrics.ci.kappa} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.exact')}</dt>
        <dd>
          {formatPercent(metrics.exact, lang)}
          <IntervalNote interval={metrics.ci.exact} format={percent} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.adjacent')}</dt>
        <dd>
          {formatPercent(metrics.adjacent, lang)}
          <IntervalNote interval={metrics.ci.adjacent} format={percent} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.mae')}</dt>
        <dd>
          {formatMetric(metrics.mae, lang)}
          <IntervalNote interval={metrics.ci.mae} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.bias')}</dt>
        <dd>
          <BiasValue bias={metrics.bias} sufficient={metrics.sufficient} pair={pair} />
          <IntervalNote interval={metrics.ci.bias} format={signed} />
        </dd>
      </div>
      <div className={styles.metricTile}>
        <dt>{t('calibration.metric.n')}</dt>
        <dd>
          <SampleSize m={metrics} />
        </dd>
      </div>
    </dl>
  );
}

function MetricCells({ m }: { m: AgreementMetrics }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <td className="num">
        <SampleSize m={m} />
      </td>
      <td className="num">
        <QwkValue qwk={m.qwk} sufficient={m.sufficient} />
        <IntervalNote interval={m.ci.qwk} />
      </td>
      <td className="num">
        {formatMetric(m.kappa, lang)}
        <IntervalNote interval={m.ci.kappa} />
      </td>
      <td className="num">
        {formatPercent(m.exact, lang)}
        <IntervalNote interval={m.ci.exact} format={percent} />
      </td>
      <td className="num">
        {formatPercent(m.adjacent, lang)}
        <IntervalNote interval={m.ci.adjacent} format={percent} />
      </td>
      <td className="num">
        {formatMetric(m.mae, lang)}
        <IntervalNote interval={m.ci.mae} />
      </td>
      <td className="num">
        {formatSigned(m.smd, lang)}
        <IntervalNote interval={m.ci.smd} format={signed} />
      </td>
      <td className="num">
        <BiasValue bias={m.bias} sufficient={m.sufficient} />
        <IntervalNote interval={m.ci.bias} format={signed} />
      </td>
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
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be keyboard-focusable (axe scrollable-region-focusable, WCAG 2.1.1)
    <div className="table-scroll" tabIndex={0}>
      <table className={`data-table ${styles.agreementTable}`}>
        <caption className="visually-hidden">{t('calibration.run.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calibration.metric.criterion')}</th>
            <th scope="col" className="num">
              {t('calibration.metric.n')}
            </th>
            <th scope="col" className="num">
              <abbr title={t('calibration.metric.qwkLong')}>{t('calibration.metric.qwk')}</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title={t('calibration.metric.kappaLong')}>{t('calibration.metric.kappa')}</abbr>
            </th>
            <th scope="col" className="num">
              {t('calibration.metric.exact')}
            </th>
            <th scope="col" className="num">
              {t('calibration.metric.adjacent')}
            </th>
            <th scope="col" className="num">
              <abbr title={t('calibration.metric.maeLong')}>{t('calibration.metric.mae')}</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title={t('calibration.metric.smdLong')}>{t('calibration.metric.smd')}</abbr>
            </th>
            <th scope="col" className="num">
              {t('calibration.metric.bias')}
            </th>
            {humanHuman && (
              <th scope="col" className="num">
                {t('calibration.metric.humanHuman')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('calibration.metric.overall')}</th>
            <MetricCells m={overall} />
            {humanHuman && <td />}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
