import { useTranslation } from 'react-i18next';
import { biasDirection, formatMetric, formatPercent, formatSigned, qwkBand } from './format';
import type { AgreementMetrics, CriterionAgreement } from './queries';

/** QWK with its reading (« bon », « moyen », « faible ») in words, not colour alone. */
export function QwkValue({ qwk }: { qwk: number | null }) {
  const { t, i18n } = useTranslation();
  const band = qwkBand(qwk);
  return (
    <span className={`qwk ${band ? `qwk-${band}` : ''}`}>
      {formatMetric(qwk, i18n.language)}
      {band && <span className="qwk-band">{t(`calibration.qwkBand.${band}`)}</span>}
    </span>
  );
}

/** Mean AI − human difference, signed, with which way the AI leans. */
export function BiasValue({ bias }: { bias: number | null }) {
  const { t, i18n } = useTranslation();
  const direction = biasDirection(bias);
  return (
    <span className="bias">
      {formatSigned(bias, i18n.language)}
      {direction && (
        <span className={`bias-label bias-${direction}`}>{t(`calibration.bias.${direction}`)}</span>
      )}
    </span>
  );
}

/** The overall figures as tiles. */
export function MetricTiles({ metrics, label }: { metrics: AgreementMetrics; label: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <dl className="metric-tiles" aria-label={label}>
      <div className="metric-tile">
        <dt>{t('calibration.metric.qwk')}</dt>
        <dd>
          <QwkValue qwk={metrics.qwk} />
        </dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.kappa')}</dt>
        <dd>{formatMetric(metrics.kappa, lang)}</dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.exact')}</dt>
        <dd>{formatPercent(metrics.exact, lang)}</dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.adjacent')}</dt>
        <dd>{formatPercent(metrics.adjacent, lang)}</dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.mae')}</dt>
        <dd>{formatMetric(metrics.mae, lang)}</dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.bias')}</dt>
        <dd>
          <BiasValue bias={metrics.bias} />
        </dd>
      </div>
      <div className="metric-tile">
        <dt>{t('calibration.metric.n')}</dt>
        <dd>{metrics.n}</dd>
      </div>
    </dl>
  );
}

function MetricCells({ m }: { m: AgreementMetrics }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <td className="num">{m.n}</td>
      <td className="num">
        <QwkValue qwk={m.qwk} />
      </td>
      <td className="num">{formatMetric(m.kappa, lang)}</td>
      <td className="num">{formatPercent(m.exact, lang)}</td>
      <td className="num">{formatPercent(m.adjacent, lang)}</td>
      <td className="num">{formatMetric(m.mae, lang)}</td>
      <td className="num">{formatSigned(m.smd, lang)}</td>
      <td className="num">
        <BiasValue bias={m.bias} />
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
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table agreement-table">
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
                <span className="criterion-text">{c.text}</span>
              </th>
              <MetricCells m={c.metrics} />
              {humanHuman && (
                <td className="num">{c.humanHuman ? formatMetric(c.humanHuman.qwk, i18n.language) : '—'}</td>
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
