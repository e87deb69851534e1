import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TableHead } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { useSetSearchParam } from '../../components/filter-bar';
import { CheckIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { ReadinessBadge } from '../../components/score';
import { EmptyState } from '../../components/states';
import type { Readiness } from '../../lib/api';
import { formatDate, formatScore } from '../../lib/format';
import { forRoles } from '../auth/require-auth';
import { useExams } from '../referential/queries';
import { TRAINER_PARAMS, TrainerFilters } from './filter-selects';
import { FlagBadges, FlagLegend } from './flag-badges';
import { type QueueFilters, type QueueItem, useQueue } from './queries';
import styles from './queue-page.module.css';
import { isQueueFlag } from './reasons';

/** The filters live in the URL (`?epreuve=…&promotion=…&signal=…&a-verifier=1`): shareable, kept on back. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const flag = params.get(TRAINER_PARAMS.flag);
  return {
    examId: params.get(TRAINER_PARAMS.exam) || undefined,
    cohortId: params.get(TRAINER_PARAMS.cohort) || undefined,
    flag: isQueueFlag(flag) ? flag : undefined,
    include: params.get(TRAINER_PARAMS.unchecked) === '1' ? 'unchecked' : undefined,
  };
}

/** The queue's columns (`trainer.queue.<key>`); on a phone each cell shows its column's name (`data-label`). */
const QUEUE_COLUMNS = [
  'colPriority',
  'colCandidate',
  'colExam',
  'colCohort',
  'colFlags',
  'colScore',
  'colWork',
] as const;

const priorityClass = {
  urgent: styles.priorityUrgent,
  high: styles.priorityHigh,
  normal: styles.priorityNormal,
  none: styles.priorityNone,
  done: styles.priorityDone,
};

/** A word for the server's priority weight (see the trainer service's weights). */
function priorityLevel(priority: number): 'urgent' | 'high' | 'normal' | 'none' {
  if (priority >= 80) return 'urgent';
  if (priority >= 40) return 'high';
  if (priority > 0) return 'normal';
  return 'none';
}

export const TrainerQueuePage = forRoles(['trainer'], TrainerQueue);

function TrainerQueue() {
  const { t } = useTranslation();
  useDocumentTitle(t('trainer.queue.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const queue = useQueue(filters);
  const filtered = Boolean(filters.examId || filters.cohortId || filters.flag || filters.include);

  return (
    <div className="page trainer-page">
      <PageHeader title={t('trainer.queue.title')} lead={t('trainer.queue.intro')} />

      <QueueFiltersForm filters={filters} onReset={() => setParams({}, { replace: true })} />

      <QueryState query={queue}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState
              title={filtered ? t('trainer.queue.emptyFiltered') : t('trainer.queue.empty')}
              icon={<CheckIcon size={28} />}
              action={
                filtered ? (
                  <button type="button" className="button button-secondary" onClick={() => setParams({})}>
                    {t('trainer.queue.reset')}
                  </button>
                ) : undefined
              }
            >
              <p>{filtered ? t('trainer.queue.emptyFilteredHint') : t('trainer.queue.emptyHint')}</p>
            </EmptyState>
          ) : (
            <>
              <p className={`muted ${styles.queueCount}`} role="status">
                {t('trainer.queue.count', { count: items.length })}
              </p>
              <QueueTable items={items} />
              <FlagLegend flags={[...new Set(items.flatMap((i) => i.flags))]} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}

function QueueFiltersForm({ filters, onReset }: { filters: QueueFilters; onReset: () => void }) {
  const { t } = useTranslation();
  const setParam = useSetSearchParam();
  return (
    <TrainerFilters
      label={t('trainer.queue.filters')}
      idPrefix="queue"
      filters={[
        ['exam', filters.examId],
        ['cohort', filters.cohortId],
        ['flag', filters.flag],
      ]}
    >
      <div className={`field filter-field ${styles.fieldCheckbox}`}>
        <label>
          <input
            type="checkbox"
            checked={filters.include === 'unchecked'}
            onChange={(e) => setParam(TRAINER_PARAMS.unchecked, e.target.checked ? '1' : null)}
          />{' '}
          {t('trainer.queue.uncheckedOnly')}
        </label>
      </div>
      <div className={`field filter-field ${styles.fieldAction}`}>
        <button type="button" className="button button-small button-secondary" onClick={onReset}>
          {t('trainer.queue.reset')}
        </button>
      </div>
    </TrainerFilters>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, i18n } = useTranslation();
  const exams = useExams();
  const examName = (id: string) => exams.data?.find((e) => e.id === id)?.case ?? id;
  const cell = (column: (typeof QUEUE_COLUMNS)[number]) => ({
    className: styles.queueCell,
    'data-label': t(`trainer.queue.${column}`),
  });
  return (
    <div className={styles.queueTableWrap}>
      <table className={styles.queueTable}>
        <caption className="visually-hidden">{t('trainer.queue.caption')}</caption>
        <TableHead
          cellClassName={`${styles.queueCell} ${styles.queueHead}`}
          columns={QUEUE_COLUMNS.map((key) => ({ label: t(`trainer.queue.${key}`) }))}
        />
        <tbody>
          {items.map((item, index) => {
            // Once checked, the work is done: the signals stay listed, the urgency goes.
            const level = item.checked ? 'done' : priorityLevel(item.priority);
            return (
              <tr
                key={item.reviewId}
                className={item.checked ? `${styles.queueRow} is-checked` : styles.queueRow}
              >
                <td {...cell('colPriority')}>
                  <span className={`${styles.priority} ${priorityClass[level]}`}>
                    <span className={styles.priorityRank}>{index + 1}</span>
                    {t(`trainer.priority.${level}`)}
                  </span>
                </td>
                <th
                  scope="row"
                  className={`${styles.queueCell} ${styles.queueCellCandidate}`}
                  data-label={t('trainer.queue.colCandidate')}
                >
                  <Link
                    to={`/formateur/revues/${item.reviewId}`}
                    className={styles.queueCandidate}
                    aria-label={t('trainer.queue.openAria', {
                      candidate: item.candidate,
                      exam: examName(item.examId),
                    })}
                  >
                    {item.candidate}
                  </Link>
                  <span className="muted small">
                    {t('trainer.queue.version', { version: item.version })} ·{' '}
                    {formatDate(item.createdAt, i18n.language)}
                  </span>
                </th>
                <td {...cell('colExam')}>{examName(item.examId)}</td>
                <td {...cell('colCohort')}>{item.cohort?.name ?? '—'}</td>
                <td {...cell('colFlags')}>
                  <FlagBadges flags={item.flags} />
                </td>
                <td {...cell('colScore')}>
                  {item.overall ? (
                    <span className={styles.queueScore}>
                      <strong>
                        {t('trainer.queue.score', { score: formatScore(item.overall.score, i18n.language) })}
                      </strong>
                      {isReadiness(item.overall.ready) && <ReadinessBadge ready={item.overall.ready} />}
                    </span>
                  ) : (
                    <span className="status-badge status-failed">{t('trainer.queue.failed')}</span>
                  )}
                </td>
                <td {...cell('colWork')}>
                  <span className={styles.queueWork}>
                    {item.checked ? (
                      <span className="status-badge status-done">
                        <CheckIcon size={14} /> {t('trainer.queue.checked')}
                      </span>
                    ) : (
                      <span className="status-badge status-queued">{t('trainer.queue.unchecked')}</span>
                    )}
                    <span className="muted small">
                      {t('trainer.queue.decisions', { count: item.decisions })}
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function isReadiness(value: string): value is Readiness {
  return value === 'pret' || value === 'presque' || value === 'pas_encore';
}
