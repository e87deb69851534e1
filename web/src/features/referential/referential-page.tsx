import { type ReactNode, useDeferredValue, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/document-title';
import { Highlight } from '../../components/highlight';
import { SearchIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { allQueries, QueryState } from '../../components/query-state';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useHashTarget } from '../../components/use-hash-target';
import type { Exam, ExamSummary, Referential } from '../../lib/api';
import { competencyRange } from '../../lib/format';
import { CompetencyChips } from './competency-chip';
import { modalitiesSummary } from './modalities';
import { useAllExams, useExams, useReferential } from './queries';
import referentialStyles from './referential.module.css';
import styles from './referential-page.module.css';
import { type SearchResults, searchReferential } from './search';

export function ReferentialPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('referential.title'));
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(params.get('q') ?? '');
  const query = useDeferredValue(input.trim());
  const searchId = useId();

  const referential = useReferential();
  const exams = useExams();
  const fullExams = useAllExams(exams.data?.map((e) => e.id) ?? []);

  // Keep the query in the URL (replace: typing must not fill the history).
  useEffect(() => {
    const current = params.get('q') ?? '';
    if (current !== query) setParams(query ? { q: query } : {}, { replace: true });
  }, [query, params, setParams]);

  useHashTarget(Boolean(referential.data && exams.data));

  return (
    <div className="page">
      <PageHeader title={t('referential.title')} lead={t('referential.lead')}>
        <search className={styles.searchBox}>
          <label htmlFor={searchId}>{t('referential.searchLabel')}</label>
          <div className={styles.searchInput}>
            <SearchIcon />
            <input
              id={searchId}
              type="search"
              value={input}
              placeholder={t('referential.searchPlaceholder')}
              onChange={(event) => setInput(event.target.value)}
              autoComplete="off"
            />
          </div>
        </search>
      </PageHeader>

      <QueryState query={allQueries(referential, exams)}>
        {([blocs, examList]) =>
          query ? (
            fullExams.error ? (
              <ErrorState error={fullExams.error} onRetry={fullExams.refetch} />
            ) : fullExams.data ? (
              <SearchResultsView
                query={query}
                results={searchReferential(blocs, fullExams.data, query)}
                onLeave={() => setInput('')}
              />
            ) : (
              <Loading label={t('referential.searching')} />
            )
          ) : (
            <>
              <ExamGrid exams={examList} referential={blocs} />
              <BlocList referential={blocs} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}

function ExamGrid({ exams, referential }: { exams: ExamSummary[]; referential: Referential }) {
  const { t } = useTranslation();
  const blocTitle = (id: string) => referential.blocs.find((b) => b.id === id)?.title ?? '';
  return (
    <section aria-labelledby="exams-heading" className="section">
      <h2 id="exams-heading">{t('referential.examsTitle', { count: exams.length })}</h2>
      <p className="section-intro">{t('referential.examsIntro')}</p>
      <ul className="card-grid">
        {exams.map((exam) => (
          <li key={exam.id}>
            <Link to={`/epreuves/${exam.id}`} className="card card-link exam-card">
              <span className="eyebrow" title={blocTitle(exam.bloc)}>
                {t('referential.blocLabel', { id: exam.bloc })}
              </span>
              <span className={styles.examCardTitle}>{exam.case}</span>
              <span className={styles.examCardMeta}>{modalitiesSummary(exam.modalities, t)}</span>
              <span className={styles.examCardMeta}>
                {t('referential.competenciesRange', { range: competencyRange(exam.competencies) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BlocList({ referential }: { referential: Referential }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="blocs-heading" className="section">
      <h2 id="blocs-heading">{t('referential.blocsTitle')}</h2>
      <nav aria-label={t('referential.blocsNav')} className="toc">
        <ul>
          {referential.blocs.map((bloc) => (
            <li key={bloc.id}>
              <a href={`#${bloc.id}`}>{bloc.id}</a>
            </li>
          ))}
        </ul>
      </nav>
      {referential.blocs.map((bloc) => (
        <section key={bloc.id} id={bloc.id} className={styles.bloc} aria-labelledby={`${bloc.id}-title`}>
          <h3 id={`${bloc.id}-title`}>
            <span className={styles.blocId}>{bloc.id}</span> {bloc.title}
          </h3>
          {bloc.activities.map((activity) => (
            <div key={activity.id} className={styles.activity}>
              <h4>
                <span className={styles.activityId}>{activity.id}</span> {activity.title}
              </h4>
              <ul className={referentialStyles.competencyList}>
                {activity.competencies.map((c) => (
                  <li key={c.id} id={c.id} className={referentialStyles.competency} tabIndex={-1}>
                    <span className={referentialStyles.competencyCode}>
                      <strong>{c.id}</strong>
                      <span>{c.code}</span>
                    </span>
                    <span className="competency-text">{c.text}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function SearchResultsView({
  query,
  results,
  onLeave,
}: {
  query: string;
  results: SearchResults;
  /** Clears the search when a result leads to the competency in the full referential. */
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="results-heading" className={`section ${styles.searchResults}`}>
      <h2 id="results-heading" aria-live="polite">
        {t('referential.resultsTitle', { count: results.total, query })}
      </h2>
      {results.total === 0 && (
        <EmptyState title={t('referential.noResults', { query })}>
          <p>{t('referential.noResultsHint')}</p>
        </EmptyState>
      )}
      {results.competencies.length > 0 && (
        <ResultGroup title={t('referential.groups.competencies')} count={results.competencies.length}>
          {results.competencies.map(({ competency: c, bloc }) => (
            <li key={c.id} className={styles.result}>
              <span className={referentialStyles.competencyCode}>
                <Link to={`/referentiel#${c.id}`} onClick={onLeave}>
                  <strong>{c.id}</strong>
                </Link>
                <span>{c.code}</span>
              </span>
              <span>
                <Highlight text={c.text} query={query} />
                <span className={styles.resultContext}>
                  {bloc.id} · {bloc.title}
                </span>
              </span>
            </li>
          ))}
        </ResultGroup>
      )}
      {results.exams.length > 0 && (
        <ResultGroup title={t('referential.groups.exams')} count={results.exams.length}>
          {results.exams.map((exam) => (
            <li key={exam.id} className={styles.result}>
              <span className={styles.resultTag}>{exam.bloc}</span>
              <Link to={`/epreuves/${exam.id}`}>
                <Highlight text={exam.case} query={query} />
              </Link>
            </li>
          ))}
        </ResultGroup>
      )}
      {results.deliverables.length > 0 && (
        <ResultGroup title={t('referential.groups.deliverables')} count={results.deliverables.length}>
          {results.deliverables.map(({ exam, deliverable }) => (
            <ExamItemResult
              key={`${exam.id}-${deliverable.id}`}
              item={deliverable}
              query={query}
              exam={exam}
            />
          ))}
        </ResultGroup>
      )}
      {results.criteria.length > 0 && (
        <ResultGroup title={t('referential.groups.criteria')} count={results.criteria.length}>
          {results.criteria.map(({ exam, criterion }) => (
            <ExamItemResult key={`${exam.id}-${criterion.id}`} item={criterion} query={query} exam={exam}>
              <CompetencyChips ids={criterion.competencies} label={t('exam.criterionCompetencies')} />
            </ExamItemResult>
          ))}
        </ResultGroup>
      )}
    </section>
  );
}

/** A deliverable or criterion found: its id, its text with the match marked, and the exam it belongs to. */
function ExamItemResult({
  item,
  query,
  exam,
  children,
}: {
  item: { id: string; text: string };
  query: string;
  exam: Exam;
  children?: ReactNode;
}) {
  return (
    <li className={styles.result}>
      <span className={styles.resultTag}>{item.id}</span>
      <span>
        <Highlight text={item.text} query={query} />
        <ExamContext exam={exam} />
        {children}
      </span>
    </li>
  );
}

function ExamContext({ exam }: { exam: Exam }) {
  return (
    <span className={styles.resultContext}>
      <Link to={`/epreuves/${exam.id}`}>
        {exam.bloc} · {exam.case}
      </Link>
    </span>
  );
}

function ResultGroup({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <div className={styles.resultGroup}>
      <h3>
        {title} <span className={styles.count}>{count}</span>
      </h3>
      <ul className={styles.resultList}>{children}</ul>
    </div>
  );
}
