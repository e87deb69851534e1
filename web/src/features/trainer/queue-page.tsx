import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { CheckIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { ReadinessBadge } from '../../components/score';
import { EmptyState } from '../../components/states';
import type { Readiness } from '../../lib/api';
import { formatDate, formatScore } from '../../lib/format';
import { RequireAuth } from '../auth/require-auth';
import { useMe } from '../auth/session';
import { useExams } from '../referential/queries';
import { FlagBadges, FlagLegend } from './flag-badges';
import { type QueueFilters, type QueueItem, useQueue } from './queries';
import styles from './queue-page.module.css';
import { isQueueFlag, QUEUE_FLAGS } from './reasons';

/** The filters live in the URL (`?epreuve=…&promotion=…&signal=…&a-verifier=1`): shareable, kept on back. */
export const QUEUE_PARAMS = {
  exam: 'epreuve',
  cohort: 'promotion',
  flag: 'signal',
  unchecked: 'a-verifier',
} as const;

export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const flag = params.get(QUEUE_PARAMS.flag);
  return {
    examId: params.get(QUEUE_PARAMS.exam) || undefined,
    cohortId: params.get(QUEUE_PARAMS.cohort) || undefined,
    flag: isQueueFlag(flag) ? flag : undefined,
    include: params.get(QUEUE_PARAMS.unchecked) === '1' ? 'unchecked' : undefined,
  };
}

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

export function TrainerQueuePage() {
  return (
    <RequireAuth roles={['trainer']}>
      <TrainerQueue />
    </RequireAuth>
  );
}

function TrainerQueue() {
  const { t } = useTranslation();
  useDocumentTitle(t('trainer.queue.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const queue = useQueue(filters);
  const filtered = Boolean(filters.examId || filters.cohortId || filters.flag || filters.include);

  function setParam(name: string, value: string | null) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }

  return (
    <div className="page trainer-page">
      <header className="page-header">
        <h1>{t('trainer.queue.title')}</h1>
        <p className="lead">{t('trainer.queue.intro')}</p>
      </header>

      <QueueFiltersForm
        filters={filters}
        setParam={setParam}
        onReset={() => setParams({}, { replace: true })}
      />

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

function QueueFiltersForm({
  filters,
  setParam,
  onReset,
}: {
  filters: QueueFilters;
  setParam: (name: string, value: string | null) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const exams = useExams();
  const me = useMe();
  const cohorts = me.data?.trainerCohorts ?? [];
  return (
    <form
      className="card filters"
      aria-label={t('trainer.queue.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field filter-field">
        <label htmlFor="queue-exam">{t('trainer.queue.exam')}</label>
        <select
          id="queue-exam"
          value={filters.examId ?? ''}
          onChange={(e) => setParam(QUEUE_PARAMS.exam, e.target.value)}
        >
          <option value="">{t('trainer.queue.allExams')}</option>
          {exams.data?.map((exam) => (
            <option key={exam.id} value={exam.id}>
              {exam.bloc} · {exam.case}
            </option>
          ))}
        </select>
      </div>
      <div className="field filter-field">
        <label htmlFor="queue-cohort">{t('trainer.queue.cohort')}</label>
        <select
          id="queue-cohort"
          value={filters.cohortId ?? ''}
          onChange={(e) => setParam(QUEUE_PARAMS.cohort, e.target.value)}
        >
          <option value="">{t('trainer.queue.allCohorts')}</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field filter-field">
        <label htmlFor="queue-flag">{t('trainer.queue.flag')}</label>
        <select
          id="queue-flag"
          value={filters.flag ?? ''}
          onChange={(e) => setParam(QUEUE_PARAMS.flag, e.target.value)}
        >
          <option value="">{t('trainer.queue.allFlags')}</option>
          {QUEUE_FLAGS.map((flag) => (
            <option key={flag} value={flag}>
              {t(`trainer.flags.${flag}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field filter-field ${styles.fieldCheckbox}`}>
        <label>
          <input
            type="checkbox"
            checked={filters.include === 'unchecked'}
            onChange={(e) => setParam(QUEUE_PARAMS.unchecked, e.target.checked ? '1' : null)}
          />{' '}
          {t('trainer.queue.uncheckedOnly')}
        </label>
      </div>
      <div className={`field filter-field ${styles.fieldAction}`}>
        <button type="button" className="button button-small button-secondary" onClick={onReset}>
          {t('trainer.queue.reset')}
        </button>
      </div>
    </form>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, i18n } = useTranslation();
  const exams = useExams();
  const examName = (id: string) => exams.data?.find((e) => e.id === id)?.case ?? id;
  return (
    <div className={styles.queueTableWrap}>
      <table className={styles.queueTable}>
        <caption className="visually-hidden">{t('trainer.queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colPriority')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colCandidate')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colExam')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colCohort')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colFlags')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colScore')}
            </th>
            <th scope="col" className={`${styles.queueCell} ${styles.queueHead}`}>
              {t('trainer.queue.colWork')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            // Once checked, the work is done: the signals stay listed, the urgency goes.
            const level = item.checked ? 'done' : priorityLevel(item.priority);
            return (
              <tr
                key={item.reviewId}
                className={item.checked ? `${styles.queueRow} is-checked` : styles.queueRow}
              >
                <td className={styles.queueCell} data-label={t('trainer.queue.colPriority')}>
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
                <td className={styles.queueCell} data-label={t('trainer.queue.colExam')}>
                  {examName(item.examId)}
                </td>
                <td className={styles.queueCell} data-label={t('trainer.queue.colCohort')}>
                  {item.cohort?.name ?? '—'}
                </td>
                <td className={styles.queueCell} data-label={t('trainer.queue.colFlags')}>
                  <FlagBadges flags={item.flags} />
                </td>
                <td className={styles.queueCell} data-label={t('trainer.queue.colScore')}>
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
                <td className={styles.queueCell} data-label={t('trainer.queue.colWork')}>
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
