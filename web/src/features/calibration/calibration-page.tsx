import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { Field } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { EmptyState, InlineError } from '../../components/states';
import { formatDate } from '../../lib/format';
import { useExams } from '../referential/queries';
import styles from './calibration.module.css';
import { calibrationPage } from './layout';
import { useCalibrationSets, useCreateSet, useRubricVersions } from './queries';

/** `/calibration`: choose an exam, its calibration sets, and the way to its rubric versions. */
export const CalibrationPage = calibrationPage(Calibration);

function Calibration() {
  const { t } = useTranslation();
  useDocumentTitle(t('calibration.title'));
  const exams = useExams();
  const [params, setParams] = useSearchParams();
  const examId = params.get('epreuve') ?? exams.data?.[0]?.id ?? '';
  const exam = exams.data?.find((e) => e.id === examId);

  return (
    <div className={`page ${styles.calibration}`}>
      <PageHeader title={t('calibration.title')} lead={t('calibration.lead')} />
      <QueryState query={exams}>
        {(data) => (
          <>
            <div className={`field ${styles.examSelect}`}>
              <label htmlFor="calibration-exam">{t('calibration.exam')}</label>
              <select
                id="calibration-exam"
                value={examId}
                onChange={(e) => setParams({ epreuve: e.target.value }, { replace: true })}
              >
                {data.map((e) => (
                  <option key={e.id} value={e.id}>
                    {`${e.bloc} · ${e.case}`}
                  </option>
                ))}
              </select>
            </div>
            {exam && (
              <div className={styles.calibrationHome}>
                <Sets examId={exam.id} />
                <RubricCard examId={exam.id} />
              </div>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function Sets({ examId }: { examId: string }) {
  const { t, i18n } = useTranslation();
  const sets = useCalibrationSets(examId);
  const create = useCreateSet();
  const navigate = useNavigate();
  const [name, setName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), examId },
      { onSuccess: (set) => navigate(`/calibration/jeux/${set.id}`) },
    );
  }

  return (
    <section className="card section" aria-labelledby="sets-title">
      <h2 id="sets-title">{t('calibration.sets.title')}</h2>
      <p className="section-intro">{t('calibration.sets.intro')}</p>
      <QueryState query={sets}>
        {(data) =>
          data.length === 0 ? (
            <EmptyState title={t('calibration.sets.emptyTitle')}>
              <p>{t('calibration.sets.emptyBody')}</p>
            </EmptyState>
          ) : (
            <ul className={styles.calibrationSets}>
              {data.map((s) => (
                <li key={s.id}>
                  <Link to={`/calibration/jeux/${s.id}`} className={`card card-link ${styles.setCard}`}>
                    <span className={styles.setCardTitle}>{s.name}</span>
                    <span className="muted small">
                      {t('calibration.sets.counts', { dossiers: s.dossiers, scores: s.scores, runs: s.runs })}
                    </span>
                    <span className="muted small">{formatDate(s.createdAt, i18n.language)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <form className={styles.inlineForm} onSubmit={submit}>
        <Field
          id="new-set-name"
          label={t('calibration.sets.name')}
          type="text"
          value={name}
          maxLength={120}
          placeholder={t('calibration.sets.namePlaceholder')}
          onValue={setName}
        />
        <button type="submit" className="button button-primary" disabled={!name.trim() || create.isPending}>
          {t('calibration.sets.create')}
        </button>
      </form>
      {create.error && <InlineError error={create.error} />}
    </section>
  );
}

function RubricCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const versions = useRubricVersions(examId);
  const active = versions.data?.find((v) => v.active);
  return (
    <section className="card section" aria-labelledby="rubric-title">
      <h2 id="rubric-title">{t('calibration.rubrics.title')}</h2>
      <p className="section-intro">{t('calibration.rubrics.intro')}</p>
      {versions.data && (
        <p>
          {t('calibration.rubrics.activeIs', { version: active?.version ?? 'v1' })}{' '}
          <span className="muted small">
            {t('calibration.rubrics.versionCount', { count: versions.data.length })}
          </span>
        </p>
      )}
      <div className="button-row">
        <Link className="button button-secondary" to={`/calibration/grilles/${examId}`}>
          {t('calibration.rubrics.open')}
        </Link>
        <Link className="button button-secondary" to={`/calibration/grilles/${examId}/nouvelle`}>
          {t('calibration.rubrics.new')}
        </Link>
      </div>
    </section>
  );
}
