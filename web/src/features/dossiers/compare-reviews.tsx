import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../components/data-table';
import { ScrollTable } from '../../components/scroll-table';
import { ErrorState, Loading } from '../../components/states';
import type { DossierReview } from '../../lib/api';
import { formatScore, formatShortDate } from '../../lib/format';
import { fetchReview, reviewKeys } from '../reviews/queries';
import { compareReports } from './compare';
import styles from './compare-reviews.module.css';

/** Pick two finished reviews; see, criterion by criterion, what improved and what regressed. */
export function CompareReviews({ reviews }: { reviews: DossierReview[] }) {
  const { t, i18n } = useTranslation();
  const idA = useId();
  const idB = useId();
  const [a, setA] = useState(reviews[reviews.length - 2]?.id ?? '');
  const [b, setB] = useState(reviews[reviews.length - 1]?.id ?? '');
  const results = useQueries({
    queries: [a, b].map((id) => ({
      queryKey: reviewKeys.review(id),
      queryFn: () => fetchReview(id),
      enabled: Boolean(id),
    })),
  });
  const [ra, rb] = results;
  const label = (r: DossierReview) =>
    `${t('dossier.versionShort', { version: r.version })} — ${
      r.overall ? `${formatScore(r.overall.score, i18n.language)}/4` : ''
    } (${formatShortDate(r.createdAt, i18n.language)})`;

  const pickers = [
    [idA, 'compareA', a, setA],
    [idB, 'compareB', b, setB],
  ] as const;

  const reportA = ra.data?.report;
  const reportB = rb.data?.report;
  const comparison = reportA && reportB ? compareReports(reportA, reportB) : null;

  return (
    <div className="compare">
      <div className={styles.comparePickers}>
        {pickers.map(([id, name, value, onChange]) => (
          <div key={id} className="field">
            <label htmlFor={id}>{t(`dossier.${name}`)}</label>
            <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
              {reviews.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {a === b ? (
        <p className="muted">{t('dossier.compareSame')}</p>
      ) : ra.isPending || rb.isPending ? (
        <Loading />
      ) : ra.error || rb.error ? (
        <ErrorState
          error={ra.error ?? rb.error}
          onRetry={() => {
            void ra.refetch();
            void rb.refetch();
          }}
        />
      ) : comparison ? (
        <ScrollTable label={t('dossier.compareTableLabel')}>
          <table className={styles.compareTable}>
            <caption className="visually-hidden">{t('dossier.compareTitle')}</caption>
            <TableHead
              columns={[
                { label: t('report.criterion') },
                { label: 'A', num: true },
                { label: 'B', num: true },
                { label: t('dossier.delta'), num: true },
              ]}
            />
            <tbody>
              {comparison.rows.map((row) => {
                const trend =
                  row.delta === null
                    ? 'unknown'
                    : row.delta > 0
                      ? 'improved'
                      : row.delta < 0
                        ? 'regressed'
                        : 'same';
                return (
                  <tr key={row.id} data-trend={trend}>
                    <th scope="row">
                      <span className="item-id">{row.id}</span>{' '}
                      <span className={styles.compareText}>{row.text}</span>
                    </th>
                    <td className="num">{row.a ?? '—'}</td>
                    <td className="num">{row.b ?? '—'}</td>
                    <td className="num">
                      <span className={styles.trend}>
                        {row.delta === null
                          ? '—'
                          : `${row.delta > 0 ? '+' : row.delta < 0 ? '−' : '±'}${Math.abs(row.delta)}`}
                        <span className={styles.trendLabel}>{t(`dossier.trend.${trend}`)}</span>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dossier.overall')}</th>
                <td className="num">{formatScore(reportA?.overall.score ?? 0, i18n.language)}</td>
                <td className="num">{formatScore(reportB?.overall.score ?? 0, i18n.language)}</td>
                <td className="num">
                  {comparison.overallDelta >= 0 ? '+' : '−'}
                  {formatScore(Math.abs(comparison.overallDelta), i18n.language)}
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollTable>
      ) : (
        <p className="muted">{t('dossier.compareUnavailable')}</p>
      )}
    </div>
  );
}
