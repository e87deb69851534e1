import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { FileDrop, UploadStatus } from '../../components/file-drop';
import { CheckIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { InlineError } from '../../components/states';
import { api, type Exam, type ExamSummary } from '../../lib/api';
import { competencyRange } from '../../lib/format';
import { useUploadAndReview } from '../dossiers/use-upload';
import { CriterionList, DeliverableList } from '../referential/exam-items';
import { ModalitiesList, modalitiesSummary } from '../referential/modalities';
import { useExam, useExams } from '../referential/queries';
import styles from './home-page.module.css';

/** Home: choose the exam, drop the draft, land on the review. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const examId = params.get('epreuve') ?? '';
  const exams = useExams();
  const exam = useExam(examId || undefined);
  const upload = useUploadAndReview();
  const selected = exams.data?.find((e) => e.id === examId);

  async function onFile(file: File) {
    if (!examId) return;
    const form = new FormData();
    form.append('file', file);
    form.append('examId', examId);
    const outcome = await upload.start(api.dossiers.$path(), form);
    if (outcome) navigate(`/revues/${outcome.review.id}`);
  }

  return (
    <div className="page home">
      <header className={styles.hero}>
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <ul className={styles.benefits}>
          <li>
            <CheckIcon />
            {t('home.benefit1')}
          </li>
          <li>
            <CheckIcon />
            {t('home.benefit2')}
          </li>
          <li>
            <CheckIcon />
            {t('home.benefit3')}
          </li>
        </ul>
      </header>

      <section className="section" aria-labelledby="choose-heading">
        <h2 id="choose-heading">
          <span className={styles.stepNumber} aria-hidden="true">
            1
          </span>
          {t('home.chooseTitle')}
        </h2>
        <QueryState query={exams}>
          {(data) => (
            <ExamPicker
              exams={data}
              value={examId}
              disabled={upload.busy}
              onChange={(id) => setParams({ epreuve: id }, { replace: true, preventScrollReset: true })}
            />
          )}
        </QueryState>
      </section>

      <div className={examId ? styles.workspaceGrid : undefined}>
        <section className={`section ${styles.workspaceUpload}`} aria-labelledby="upload-heading">
          <h2 id="upload-heading">
            <span className={styles.stepNumber} aria-hidden="true">
              2
            </span>
            {t('home.uploadTitle')}
          </h2>
          {selected && <p className="section-intro">{t('home.uploadFor', { exam: selected.case })}</p>}
          {upload.busy ? (
            <UploadStatus
              percent={upload.percent}
              stage={upload.stage === 'idle' ? 'sending' : upload.stage}
            />
          ) : (
            <FileDrop
              onFile={(file) => void onFile(file)}
              disabled={!examId}
              disabledHint={t('home.chooseFirst')}
            />
          )}
          {upload.error !== null && <InlineError error={upload.error} />}
          {upload.error !== null && upload.stored && (
            <p>
              <Link to={`/dossiers/${upload.stored.id}`}>{t('home.storedButNotReviewed')}</Link>
            </p>
          )}
          <p className={styles.privacyNote}>{t('home.privacy')}</p>
        </section>
        {examId && (
          <section className={styles.workspaceBrief} aria-label={t('home.briefLabel')}>
            <QueryState query={exam}>{(data) => <ExamBrief exam={data} />}</QueryState>
          </section>
        )}
      </div>
    </div>
  );
}

function ExamPicker({
  exams,
  value,
  disabled,
  onChange,
}: {
  exams: ExamSummary[];
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className={styles.examPicker} disabled={disabled}>
      <legend className="visually-hidden">{t('home.chooseTitle')}</legend>
      {exams.map((exam) => (
        <label key={exam.id} className={styles.examOption} data-selected={exam.id === value || undefined}>
          <input
            type="radio"
            name={name}
            value={exam.id}
            checked={exam.id === value}
            onChange={() => onChange(exam.id)}
          />
          <span className={styles.examOptionBody}>
            <span className="eyebrow">
              {t('referential.blocLabel', { id: exam.bloc })} · {competencyRange(exam.competencies)}
            </span>
            <span className={styles.examOptionTitle}>{exam.case}</span>
            <span className={styles.examOptionMeta}>{modalitiesSummary(exam.modalities, t)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** What the jury expects for the chosen exam: modalities, deliverables, criteria. */
function ExamBrief({ exam }: { exam: Exam }) {
  const { t } = useTranslation();
  return (
    <div className="card exam-brief">
      <div className={styles.examBriefHeader}>
        <h3>{exam.case}</h3>
        <Link to={`/epreuves/${exam.id}`}>{t('home.examDetails')}</Link>
      </div>
      <ModalitiesList modalities={exam.modalities} compact />
      <div className={styles.examBriefLists}>
        <div>
          <h4>{t('exam.deliverables')}</h4>
          <DeliverableList exam={exam} className={`item-list ${styles.itemListCompact}`} />
        </div>
        <div>
          <h4>{t('exam.criteria')}</h4>
          <CriterionList exam={exam} className={`item-list ${styles.itemListCompact}`} />
        </div>
      </div>
    </div>
  );
}
