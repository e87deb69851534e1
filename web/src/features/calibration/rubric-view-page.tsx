import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import styles from './calibration.module.css';
import { CalibrationBreadcrumb, calibrationPage } from './layout';
import { useRubricVersion } from './queries';

/**
 * `/calibration/grilles/:examId/:version`: one rubric version, read-only — wording, weight, the five level
 * descriptors and the anchors of every criterion. Reading a version must not mean starting a new one.
 */
export const RubricViewPage = calibrationPage(RubricView);

const LEVELS = [0, 1, 2, 3, 4] as const;

function RubricView() {
  const { examId = '', version = '' } = useParams();
  const { t } = useTranslation();
  const rubric = useRubricVersion(examId, version);
  const title = t('calibration.rubricView.title', { version });
  useDocumentTitle(title);
  const back = { to: `/calibration/grilles/${examId}`, label: t('calibration.rubrics.back') };
  return (
    <div className={`page ${styles.calibration}`}>
      <CalibrationBreadcrumb examId={examId} rubrics current={title} />
      <PageHeader
        title={title}
        lead={
          rubric.data &&
          `${rubric.data.active ? t('calibration.rubricView.active') : t('calibration.rubricView.inactive')}${
            rubric.data.used ? ` · ${t('calibration.rubricView.frozen')}` : ''
          }`
        }
      >
        {rubric.data?.note && <p>{rubric.data.note}</p>}
      </PageHeader>
      <QueryState query={rubric} back={back} retry={false}>
        {(data) => (
          <>
            {data.rubric.criteria.map((c) => (
              <section key={c.id} className="card section" aria-labelledby={`view-${c.id}`}>
                <h2 id={`view-${c.id}`}>
                  {c.id} · {t('calibration.rubricView.weight', { weight: c.weight })}
                </h2>
                <p>{c.text}</p>
                <dl className="rubric-levels">
                  {LEVELS.map((level) => (
                    <div key={level}>
                      <dt>{t('calibration.rubricView.level', { level })}</dt>
                      <dd>{c.descriptors[level]}</dd>
                    </div>
                  ))}
                </dl>
                {c.anchors.length > 0 && (
                  <>
                    <h3>{t('calibration.rubricView.anchors')}</h3>
                    <ul>
                      {c.anchors.map((a) => (
                        <li key={`${a.score}-${a.excerpt}`}>
                          {t('calibration.rubricView.anchor', { score: a.score })} « {a.excerpt} »
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            ))}
            <div className="button-row">
              <Link className="button button-secondary" to={back.to}>
                {back.label}
              </Link>
              <Link
                className="button button-secondary"
                to={`/calibration/grilles/${examId}/nouvelle?depuis=${version}`}
              >
                {t('calibration.rubrics.newFrom', { version })}
              </Link>
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
