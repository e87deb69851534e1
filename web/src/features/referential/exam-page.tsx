import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { QueryState } from '../../components/query-state';
import type { Exam, Referential } from '../../lib/api';
import { CriterionList, DeliverableList } from './exam-items';
import styles from './exam-page.module.css';
import { ModalitiesList } from './modalities';
import { useExam, useReferential } from './queries';
import referentialStyles from './referential.module.css';

export function ExamPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const exam = useExam(id);
  const referential = useReferential();
  useDocumentTitle(exam.data?.case ?? t('exam.title'));

  return (
    <div className="page">
      <Breadcrumb
        trail={[{ to: '/referentiel', label: t('referential.title') }]}
        current={exam.data?.case ?? t('exam.title')}
      />
      <QueryState query={exam} back={{ to: '/referentiel', label: t('nav.backToReferential') }}>
        {(data) => <ExamDetails exam={data} referential={referential.data} />}
      </QueryState>
    </div>
  );
}

function ExamDetails({ exam, referential }: { exam: Exam; referential: Referential | undefined }) {
  const { t } = useTranslation();
  const bloc = referential?.blocs.find((b) => b.id === exam.bloc);
  const competencies = new Map(
    referential?.blocs.flatMap((b) =>
      b.activities.flatMap((a) => a.competencies.map((c) => [c.id, c] as const)),
    ) ?? [],
  );
  return (
    <article className="exam">
      <header className="page-header">
        <p className="eyebrow">
          {t('referential.blocLabel', { id: exam.bloc })}
          {bloc && ` — ${bloc.title}`}
        </p>
        <h1>{exam.case}</h1>
        <div className="header-actions">
          <Link className="button button-primary" to={`/?epreuve=${exam.id}`}>
            {t('exam.uploadCta')}
          </Link>
          <Link className="button button-secondary" to={`/epreuves/${exam.id}/fiche`}>
            {t('exam.briefCta')}
          </Link>
        </div>
      </header>

      <div className={styles.examLayout}>
        <section aria-labelledby="modalities-heading" className={`card ${styles.examModalities}`}>
          <h2 id="modalities-heading">{t('exam.modalities')}</h2>
          <ModalitiesList modalities={exam.modalities} />
          {exam.modalities.notes.length > 0 && (
            <details className={styles.notes}>
              <summary>{t('exam.notes')}</summary>
              <ul>
                {exam.modalities.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </details>
          )}
        </section>

        <div className={styles.examMain}>
          <section aria-labelledby="deliverables-heading" className="section">
            <h2 id="deliverables-heading">{t('exam.deliverables')}</h2>
            <p className="section-intro">{exam.context}</p>
            <DeliverableList exam={exam} />
          </section>

          <section aria-labelledby="criteria-heading" className="section">
            <h2 id="criteria-heading">{t('exam.criteria')}</h2>
            <p className="section-intro">{t('exam.criteriaIntro')}</p>
            <CriterionList exam={exam} />
          </section>

          <section aria-labelledby="competencies-heading" className="section">
            <h2 id="competencies-heading">{t('exam.competencies')}</h2>
            <ul className={referentialStyles.competencyList}>
              {exam.competencies.map((id) => {
                const c = competencies.get(id);
                return (
                  <li key={id} className={referentialStyles.competency}>
                    <span className={referentialStyles.competencyCode}>
                      <Link to={`/referentiel#${id}`}>
                        <strong>{id}</strong>
                      </Link>
                      {c && <span>{c.code}</span>}
                    </span>
                    <span className="competency-text">{c?.text ?? ''}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}
