import {
  type Dispatch,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  type SetStateAction,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumb } from '../../components/breadcrumb';
import { useDocumentTitle } from '../../components/document-title';
import { QueryState } from '../../components/query-state';
import { EmptyState, ErrorState, InlineError } from '../../components/states';
import { ApiError, type Exam } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useDossier } from '../dossiers/queries';
import { useExam } from '../referential/queries';
import { AddressedTextPanel } from '../reviews/text-panel';
import { AnswerText } from './answer-text';
import { CitationList, CriterionRef } from './citations';
import styles from './coach-page.module.css';
import coachingStyles from './coaching.module.css';
import { briefPath, type CoachMessage, useConversation } from './queries';
import { STREAM_INCOMPLETE } from './stream';
import { type PendingExchange, useCoachChat } from './use-coach-chat';

/** The server's limit on a question (`MAX_MESSAGE_LENGTH` in the coaching schemas): a question, not a dossier. */
export const MAX_QUESTION_LENGTH = 2000;
/** The character count shows from here on, when the limit starts to matter. */
const COUNT_FROM = 1500;

/**
 * The coach on one version of a dossier: the stored conversation, a question box, the answer streamed as
 * the server sends it, and citations that open the draft at the page quoted. States the integrity rule:
 * the coach helps to think and structure, it does not write the dossier.
 */
export function CoachPage() {
  const { id = '', v = '' } = useParams();
  const { t } = useTranslation();
  const version = Number(v);
  const validVersion = Number.isInteger(version) && version > 0;
  const dossier = useDossier(id);
  const exam = useExam(dossier.data?.examId);
  const conversation = useConversation(id, validVersion ? version : 0);
  useDocumentTitle(t('coach.title', { version: v }));

  const title = dossier.data?.title ?? t('dossier.title');
  return (
    <div className="page coach-page">
      <Breadcrumb
        trail={[
          { to: '/dossiers', label: t('nav.dossiers') },
          { to: `/dossiers/${id}`, label: title },
        ]}
        current={t('coach.title', { version: v })}
      />
      {!validVersion ? (
        <ErrorState
          error={new ApiError(404, 'not_found', '')}
          back={{ to: `/dossiers/${id}`, label: t('coach.backToDossier') }}
        />
      ) : (
        <QueryState query={conversation} back={{ to: '/dossiers', label: t('nav.backToDossiers') }}>
          {(data) => (
            <>
              <header className="page-header">
                <p className="eyebrow">
                  {exam.data
                    ? `${t('referential.blocLabel', { id: exam.data.bloc })} · ${exam.data.case}`
                    : (dossier.data?.examId ?? '')}
                </p>
                <h1>{t('coach.heading')}</h1>
                <p className="lead">{t('coach.lead', { version, title })}</p>
                <div className="header-actions">
                  <Link className="button button-secondary" to={`/dossiers/${id}`}>
                    {t('coach.backToDossier')}
                  </Link>
                  {dossier.data && (
                    <Link className="button button-secondary" to={briefPath(dossier.data.examId)}>
                      {t('coach.viewBrief')}
                    </Link>
                  )}
                </div>
              </header>
              <CoachPolicy policy={data.policy} />
              <CoachWorkspace dossierId={id} version={version} messages={data.messages} exam={exam.data} />
              <AddressedTextPanel dossierId={id} version={version} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}

/** The integrity rule, in the UI's language (the server words it in both). */
function CoachPolicy({ policy }: { policy: { fr: string; en: string } }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`notice ${styles.coachPolicy}`} role="note">
      <strong>{t('coach.policyTitle')}</strong>
      <span>{i18n.language === 'en' ? policy.en : policy.fr}</span>
    </div>
  );
}

/** The thread with its question box, and the exam's criteria beside it (which can fill the box). */
function CoachWorkspace({
  dossierId,
  version,
  messages,
  exam,
}: {
  dossierId: string;
  version: number;
  messages: CoachMessage[];
  exam: Exam | undefined;
}) {
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // A suggestion fills the box and hands over to the keyboard: the candidate edits it, then sends it.
  const fill = useCallback((text: string) => {
    setDraft(text);
    inputRef.current?.focus();
  }, []);
  return (
    <div className={styles.coachLayout}>
      <CoachThread
        dossierId={dossierId}
        version={version}
        messages={messages}
        exam={exam}
        draft={draft}
        setDraft={setDraft}
        inputRef={inputRef}
        onFill={fill}
      />
      {exam && <CriteriaAside exam={exam} onFill={fill} />}
    </div>
  );
}

function CoachThread({
  dossierId,
  version,
  messages,
  exam,
  draft,
  setDraft,
  inputRef,
  onFill,
}: {
  dossierId: string;
  version: number;
  messages: CoachMessage[];
  exam: Exam | undefined;
  draft: string;
  setDraft: Dispatch<SetStateAction<string>>;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onFill: (text: string) => void;
}) {
  const { t } = useTranslation();
  const { ask, pending, status, error } = useCoachChat(dossierId, version);
  const pendingRef = useRef<HTMLLIElement>(null);
  const criterionTexts = new Map(exam?.criteria.map((c) => [c.id, c.text]) ?? []);
  const busy = status === 'streaming';
  const hasPending = pending !== null;

  // The question just asked goes to the top of the view, so the answer streams in below it, in sight.
  useEffect(() => {
    if (hasPending) pendingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [hasPending]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const message = draft.trim();
    if (!message || busy) return;
    setDraft('');
    const ok = await ask(message);
    // A failed question stays in the box, to send again.
    if (!ok) setDraft((current) => current || message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const firstCriterion = exam?.criteria[0]?.id;
  const suggestions = [
    t('coach.suggestions.weakest'),
    ...(firstCriterion ? [t('coach.suggestions.criterion', { id: firstCriterion })] : []),
    t('coach.suggestions.outline'),
  ];

  return (
    <section className={`card ${styles.coachMain}`} aria-labelledby="coach-thread-heading">
      <h2 id="coach-thread-heading">{t('coach.threadTitle')}</h2>
      {messages.length === 0 && !pending ? (
        <EmptyState title={t('coach.emptyTitle')}>
          <p>{t('coach.emptyHint')}</p>
          <ul className={styles.coachSuggestions} aria-label={t('coach.suggestionsLabel')}>
            {suggestions.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => onFill(s)}
                >
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </EmptyState>
      ) : (
        <ol className={styles.coachThread}>
          {messages.map((m) => (
            <li key={m.id} data-message={m.role}>
              <MessageView message={m} examId={exam?.id} criterionTexts={criterionTexts} />
            </li>
          ))}
          {pending && (
            <>
              <li ref={pendingRef} data-message="user">
                <QuestionBubble text={pending.question} />
              </li>
              <li data-message="assistant">
                <StreamingAnswer pending={pending} />
              </li>
            </>
          )}
        </ol>
      )}

      <p className="visually-hidden" role="status">
        {status === 'streaming' ? t('coach.thinking') : status === 'answered' ? t('coach.answered') : ''}
      </p>

      <form className={styles.coachForm} onSubmit={(event) => void submit(event)}>
        <label htmlFor="coach-question">{t('coach.questionLabel')}</label>
        <textarea
          id="coach-question"
          className={styles.coachInput}
          ref={inputRef}
          rows={3}
          maxLength={MAX_QUESTION_LENGTH}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="coach-question-hint"
          placeholder={t('coach.questionPlaceholder')}
        />
        <div className={styles.coachFormFooter}>
          <p id="coach-question-hint" className="muted small">
            {t('coach.questionHint', { version })}
            {draft.length >= COUNT_FROM && (
              <> {t('coach.charCount', { count: draft.length, max: MAX_QUESTION_LENGTH })}</>
            )}
          </p>
          <button type="submit" className="button button-primary" disabled={busy || draft.trim() === ''}>
            {busy ? t('coach.sending') : t('coach.send')}
          </button>
        </div>
        {error !== null && <CoachError error={error} />}
      </form>
    </section>
  );
}

function CoachError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === STREAM_INCOMPLETE) {
    return (
      <p className="inline-error" role="alert">
        {t('coach.streamCut')}
      </p>
    );
  }
  return <InlineError error={error} />;
}

function QuestionBubble({ text, createdAt }: { text: string; createdAt?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`${styles.coachMessage} ${styles.coachMessageUser}`}>
      <p className={styles.coachMessageHeader}>
        <span className={styles.coachAuthor}>{t('coach.you')}</span>
        {createdAt && <time dateTime={createdAt}>{formatDate(createdAt, i18n.language)}</time>}
      </p>
      <p className={styles.coachQuestion}>{text}</p>
    </div>
  );
}

function MessageView({
  message: m,
  examId,
  criterionTexts,
}: {
  message: CoachMessage;
  examId: string | undefined;
  criterionTexts: Map<string, string>;
}) {
  const { t, i18n } = useTranslation();
  if (m.role === 'user') return <QuestionBubble text={m.content} createdAt={m.createdAt} />;
  return (
    <div className={`${styles.coachMessage} ${styles.coachMessageAssistant}`}>
      <p className={styles.coachMessageHeader}>
        <span className={styles.coachAuthor}>{t('coach.coach')}</span>
        <time dateTime={m.createdAt}>{formatDate(m.createdAt, i18n.language)}</time>
        {m.mode && <span className="tag">{t(`coach.mode.${m.mode}`)}</span>}
        {m.refused && <span className={`tag ${styles.tagWarning}`}>{t('coach.refused')}</span>}
      </p>
      <AnswerText text={m.content} />
      <CitationList citations={m.citations} examId={examId} criterionTexts={criterionTexts} />
    </div>
  );
}

function StreamingAnswer({ pending }: { pending: PendingExchange }) {
  const { t } = useTranslation();
  return (
    <div className={`${styles.coachMessage} ${styles.coachMessageAssistant} is-streaming`} aria-busy="true">
      <p className={styles.coachMessageHeader}>
        <span className={styles.coachAuthor}>{t('coach.coach')}</span>
      </p>
      {pending.answer === '' ? (
        <p className={styles.coachWaiting}>
          <span className="spinner" aria-hidden="true" />
          {t('coach.reading')}
        </p>
      ) : (
        <AnswerText text={pending.answer} />
      )}
    </div>
  );
}

/** The exam's criteria beside the thread: what the coach's ids refer to, and a way to ask about each. */
function CriteriaAside({ exam, onFill }: { exam: Exam; onFill: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <aside className={styles.coachSide} aria-labelledby="coach-criteria-heading">
      <section className="card">
        <h2 id="coach-criteria-heading">{t('coach.criteriaTitle')}</h2>
        <p className="muted small">{t('coach.criteriaHint')}</p>
        <ul className={coachingStyles.coachCriteria}>
          {exam.criteria.map((c) => (
            <li key={c.id}>
              <CriterionRef id={c.id} examId={exam.id} text={c.text} />
              <button
                type="button"
                className="link-button"
                onClick={() => onFill(t('coach.suggestions.criterion', { id: c.id }))}
              >
                {/* The visible words lead the name (WCAG 2.5.3); the criterion follows, hidden. */}
                {t('coach.askAbout')}{' '}
                <span className="visually-hidden">{t('coach.askAboutAria', { id: c.id })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
