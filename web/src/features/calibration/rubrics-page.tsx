import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { InlineError, Loading } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useExam } from '../referential/queries';
import styles from './calibration.module.css';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import { type RubricVersionSummary, useActivateRubric, useRubricDiff, useRubricVersions } from './queries';
import { RubricChangeList } from './rubric-changes';

/** `/calibration/grilles/:examId`: the exam's rubric versions, which one is active, and what changed. */
export const RubricVersionsPage = calibrationPage(RubricVersions);

function RubricVersions() {
  const { examId = '' } = useParams();
  const { t } = useTranslation();
  const exam = useExam(examId);
  const versions = useRubricVersions(examId);
  const title = t('calibration.rubrics.pageTitle', { exam: exam.data?.case ?? examId });
  useDocumentTitle(title);
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb examId={examId} current={t('calibration.rubrics.title')} />
      <PageHeader
        title={title}
        lead={t('calibration.rubrics.lead')}
        action={
          <Link className="button button-primary" to={`/calibration/grilles/${examId}/nouvelle`}>
            {t('calibration.rubrics.new')}
          </Link>
        }
      />
      <QueryState query={versions} back={{ to: '/calibration', label: t('calibration.back') }}>
        {(data) => (
          <>
            <VersionTable examId={examId} versions={data} />
            <Diff examId={examId} versions={data} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function VersionTable({ examId, versions }: { examId: string; versions: RubricVersionSummary[] }) {
  const { t, i18n } = useTranslation();
  const activate = useActivateRubric(examId);
  return (
    <section className="card section" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('calibration.rubrics.versions')}</h2>
      <DataTable
        columns={[
          ...['version', 'state', 'note', 'author'].map((k) => ({ label: t(`calibration.rubrics.${k}`) })),
          { label: t('calibration.rubrics.actions'), hidden: true },
        ]}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">{v.version}</th>
            <td>
              <span className={styles.badgeList}>
                {v.active && (
                  <span className={`${styles.calBadge} ${styles.calBadgeActive}`}>
                    {t('calibration.rubrics.active')}
                  </span>
                )}
                {v.builtin ? (
                  <span className={styles.calBadge}>{t('calibration.rubrics.builtin')}</span>
                ) : v.used ? (
                  <span className={styles.calBadge}>{t('calibration.rubrics.used')}</span>
                ) : (
                  <span className={`${styles.calBadge} ${styles.calBadgeDraft}`}>
                    {t('calibration.rubrics.editable')}
                  </span>
                )}
              </span>
            </td>
            <td className="small">
              {v.basedOn && (
                <span className="muted">{t('calibration.rubrics.basedOn', { version: v.basedOn })} </span>
              )}
              {v.note}
            </td>
            <td className="small">
              {v.createdBy ? `${v.createdBy}, ${formatDate(v.createdAt ?? '', i18n.language)}` : '—'}
            </td>
            <td>
              <div className={styles.rowActions}>
                {!v.active && (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    disabled={activate.isPending}
                    onClick={() => activate.mutate(v.version)}
                  >
                    {t('calibration.rubrics.activate', { version: v.version })}
                  </button>
                )}
                <Link
                  className="button button-secondary button-small"
                  to={`/calibration/grilles/${examId}/${v.version}`}
                >
                  {t('calibration.rubrics.read', { version: v.version })}
                </Link>
                {!v.used && (
                  <Link
                    className="button button-secondary button-small"
                    to={`/calibration/grilles/${examId}/${v.version}/modifier`}
                  >
                    {t('calibration.rubrics.edit', { version: v.version })}
                  </Link>
                )}
                <Link
                  className="button button-secondary button-small"
                  to={`/calibration/grilles/${examId}/nouvelle?depuis=${v.version}`}
                >
                  {t('calibration.rubrics.newFrom', { version: v.version })}
                </Link>
              </div>
            </td>
          </tr>
        ))}
      </DataTable>
      {activate.error && <InlineError error={activate.error} />}
      <p className="muted small">{t('calibration.rubrics.activeHelp')}</p>
    </section>
  );
}

function Diff({ examId, versions }: { examId: string; versions: RubricVersionSummary[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const labels = versions.map((v) => v.version);
  const from = params.get('de') ?? labels[labels.length - 2] ?? labels[0];
  const to = params.get('a') ?? labels[labels.length - 1];
  const diff = useRubricDiff(examId, from, to);
  const set = (key: 'de' | 'a', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  if (labels.length < 2) return null;
  return (
    <section className="card section" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('calibration.diff.title')}</h2>
      <div className={styles.inlineForm}>
        {(
          [
            ['from', 'de', from],
            ['to', 'a', to],
          ] as const
        ).map(([side, param, value]) => (
          <div key={side} className="field">
            <label htmlFor={`diff-${side}`}>{t(`calibration.diff.${side}`)}</label>
            <select id={`diff-${side}`} value={value} onChange={(e) => set(param, e.target.value)}>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {from === to ? (
        <p className="muted">{t('calibration.diff.same')}</p>
      ) : diff.isPending ? (
        <Loading />
      ) : diff.error ? (
        <InlineError error={diff.error} />
      ) : diff.data.identical ? (
        <p>{t('calibration.comparison.identical')}</p>
      ) : (
        <div className="rubric-diff">
          {diff.data.scale.length > 0 && (
            <div className={styles.criterionChanges}>
              <h3>{t('calibration.diff.scale')}</h3>
              <RubricChangeList changes={diff.data.scale} />
            </div>
          )}
          {diff.data.criteria.map((c) => (
            <div key={c.id} className={styles.criterionChanges}>
              <h3>{c.id}</h3>
              <RubricChangeList changes={c.changes} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
