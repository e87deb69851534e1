import { type ReactNode, type RefObject, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { CommentComposer, usePassageSelection } from '../document/comment-composer';
import { CommentNotes, withCommentMarks } from '../document/comment-notes';
import documentStyles from '../document/document.module.css';
import { type PdfMark, PdfView } from '../document/pdf-view';
import { type PassageComment, usePassageComments } from '../document/queries';
import { useDocumentView, ViewSwitch } from '../document/view-switch';
import { PageText, rowsByPage } from '../dossiers/page-text';
import { useDossier, useDossierText } from '../dossiers/queries';
import { locateQuote, type QuoteLocation } from '../reviews/locate-quote';
import styles from './dossier-text.module.css';

export interface TextQuote {
  quote: string;
  page: number;
}

/** Where each quote was found; on a page, overlapping quotes keep the first one's mark. */
export function locateQuotes(pages: { page: number; text: string }[], quotes: TextQuote[]) {
  const located = quotes.map((q) => locateQuote(pages, q.page, q.quote));
  const byPage = new Map<number, { range: [number, number]; index: number }[]>();
  located.forEach((loc, index) => {
    if (!loc.range) return;
    const [start, end] = loc.range;
    const list = byPage.get(loc.page) ?? [];
    if (list.some((m) => start < m.range[1] && m.range[0] < end)) return;
    list.push({ range: loc.range, index });
    byPage.set(loc.page, list);
  });
  for (const list of byPage.values()) list.sort((a, b) => a.range[0] - b.range[0]);
  return { located, byPage };
}

/**
 * The dossier's extracted text, page by page, beside the criteria: the evidence quotes of the selected
 * criterion are highlighted and the active one is scrolled into the middle of the panel.
 */
export function DossierText({
  dossierId,
  version,
  criterionId,
  quotes,
  active,
  scrollRequest,
  reveal = false,
  onBack,
}: {
  dossierId: string;
  version: number;
  /** The criterion whose quotes are shown, for the headings. */
  criterionId: string | null;
  quotes: TextQuote[];
  /** The quote to bring into view. */
  active: number;
  /** Changes each time the active quote should be scrolled to, even if it is the same one. */
  scrollRequest: number;
  /** Bring the panel itself into view (an evidence was clicked) when the layout put it out of sight. */
  reveal?: boolean;
  /** Back to the criterion (on a phone, the text comes after the criteria). */
  onBack?: () => void;
}) {
  const { t } = useTranslation();
  const text = useDossierText(dossierId, version);
  const bodyRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const { located, byPage } = useMemo(
    () => locateQuotes(text.data?.pages ?? [], quotes),
    [text.data, quotes],
  );
  const target: QuoteLocation | undefined = located[active];
  const rows = useMemo(() => rowsByPage(text.data?.tables ?? []), [text.data]);
  const dossier = useDossier(dossierId);
  const isPdf = dossier.data?.versions.find((v) => v.version === version)?.format === 'pdf';
  const [view, setView] = useDocumentView(isPdf);
  const comments = usePassageComments(dossierId, version);
  const pageTexts = useMemo(() => text.data?.pages ?? [], [text.data]);
  const [selection, clearSelection] = usePassageSelection(bodyRef, pageTexts);
  // On the drawn pages: the quotes where the text view found them, and the commented passages.
  const pdfMarks = useMemo(
    () => pdfMarksOf(located, quotes, active, comments.data ?? []),
    [located, quotes, active, comments.data],
  );
  const notesOf = (page: number) => (
    <CommentNotes
      comments={(comments.data ?? []).filter((c) => c.page === page)}
      dossierId={dossierId}
      version={version}
      editable
    />
  );

  useScrollToQuote(bodyRef, view === 'text' ? target : undefined, active, scrollRequest);
  useRevealPanel(sectionRef, scrollRequest, reveal);

  return (
    <section
      className={`${styles.dossierText} card`}
      aria-labelledby="dossier-text-title"
      id="dossier-text"
      ref={sectionRef}
    >
      <header className={styles.dossierTextHeader}>
        <h2 id="dossier-text-title" className={styles.dossierTextTitle}>
          {t('trainer.review.textTitle', { version })}
        </h2>
        <p className="muted small">
          {!criterionId
            ? t('trainer.review.textHintNone')
            : quotes.length === 0
              ? t('trainer.review.textHintEmpty', { id: criterionId })
              : t('trainer.review.textHint', { id: criterionId, count: quotes.length })}
        </p>
        <p className="visually-hidden" role="status">
          {target && quotes.length > 0
            ? target.range
              ? t('trainer.review.quoteShown', { page: target.page })
              : t('trainer.review.quoteNotFound', { page: target.page })
            : ''}
        </p>
        {target && !target.range && quotes.length > 0 && (
          <p className="notice small">{t('trainer.review.quoteNotFound', { page: target.page })}</p>
        )}
        <div className={documentStyles.toolbar}>
          <ViewSwitch value={view} onChange={setView} pageAvailable={isPdf} />
          <a
            className={documentStyles.download}
            href={`/api/dossiers/${dossierId}/versions/${version}/file`}
            download
          >
            {t('document.download')}
          </a>
        </div>
        <CommentComposer
          selection={selection}
          onDone={clearSelection}
          dossierId={dossierId}
          version={version}
        />
        {onBack && criterionId && (
          <button
            type="button"
            className={`button button-small button-secondary ${styles.dossierTextBack}`}
            onClick={onBack}
          >
            {t('trainer.review.backToCriterion', { id: criterionId })}
          </button>
        )}
      </header>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own, so keyboard users must be able to focus and scroll it (WCAG 2.1.1) */}
      <div className={styles.dossierTextBody} ref={bodyRef} tabIndex={0}>
        <QueryState query={text}>
          {(data) =>
            view === 'page' ? (
              <PdfView
                url={`/api/dossiers/${dossierId}/versions/${version}/file`}
                marks={pdfMarks}
                focus={target?.range ? { key: `q${active}`, request: scrollRequest } : null}
                aside={notesOf}
              />
            ) : data.pages.length === 0 ? (
              <p className="muted">{t('textPanel.empty')}</p>
            ) : (
              <TextPages
                pages={data.pages}
                rows={rows}
                byPage={byPage}
                currentPage={target?.page}
                active={active}
                comments={comments.data ?? []}
                notesOf={notesOf}
              />
            )
          }
        </QueryState>
      </div>
    </section>
  );
}

/** The marks drawn on the PDF's pages: the quotes the text view found, and the commented passages. */
function pdfMarksOf(
  located: QuoteLocation[],
  quotes: TextQuote[],
  active: number,
  comments: PassageComment[],
): PdfMark[] {
  return [
    ...located.flatMap((loc, index) =>
      loc.range
        ? [
            {
              key: `q${index}`,
              page: loc.page,
              quote: quotes[index].quote,
              kind: 'evidence' as const,
              active: index === active,
            },
          ]
        : [],
    ),
    ...comments.map((c) => ({ key: `c${c.id}`, page: c.page, quote: c.quote, kind: 'comment' as const })),
  ];
}

/** Scrolls the panel (never the page: the criterion being read stays put) to the active quote. */
function useScrollToQuote(
  bodyRef: RefObject<HTMLDivElement | null>,
  target: QuoteLocation | undefined,
  active: number,
  scrollRequest: number,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrollRequest asks for the scroll again.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || !target) return;
    const element =
      body.querySelector<HTMLElement>(`mark[data-quote="${active}"]`) ??
      body.querySelector<HTMLElement>(`#dossier-page-${target.page}`);
    if (!element) return;
    // Scroll the panel only, not the page: the criterion being read stays where it is.
    // From the boxes, not offsetTop: a mark inside a table cell has the cell as its offset parent.
    const within = element.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop;
    const top = within - body.clientHeight / 2 + element.offsetHeight / 2;
    body.scrollTo?.({ top: Math.max(0, top) });
  }, [target, active, scrollRequest]);
}

/** Beside the criteria (wide screens) the panel is always in view; below them (phones) it is not. */
function useRevealPanel(sectionRef: RefObject<HTMLElement | null>, scrollRequest: number, reveal: boolean) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrollRequest asks for it again.
  useEffect(() => {
    const section = sectionRef.current;
    if (reveal && section) {
      const { top: panelTop } = section.getBoundingClientRect();
      if (panelTop < 0 || panelTop > window.innerHeight / 2) section.scrollIntoView?.({ block: 'start' });
    }
  }, [scrollRequest, reveal]);
}

/** The extracted text page by page, the quotes and commented passages marked. */
function TextPages({
  pages,
  rows,
  byPage,
  currentPage,
  active,
  comments,
  notesOf,
}: {
  pages: { page: number; text: string }[];
  rows: ReturnType<typeof rowsByPage>;
  byPage: ReturnType<typeof locateQuotes>['byPage'];
  currentPage: number | undefined;
  active: number;
  comments: PassageComment[];
  notesOf: (page: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return pages.map((p) => {
    const marks = byPage.get(p.page) ?? [];
    return (
      <section
        key={p.page}
        id={`dossier-page-${p.page}`}
        data-page={p.page}
        className={currentPage === p.page ? 'text-page is-current' : 'text-page'}
        aria-labelledby={`dossier-page-${p.page}-title`}
      >
        <h3 id={`dossier-page-${p.page}-title`}>{t('textPanel.page', { page: p.page })}</h3>
        <PageText
          text={p.text}
          rows={rows.get(p.page) ?? []}
          marks={withCommentMarks(
            marks.map(({ range, index }) => ({
              range,
              key: index,
              quote: index,
              className: index === active ? 'is-active' : undefined,
            })),
            comments,
            p.page,
          )}
        />
        {notesOf(p.page)}
      </section>
    );
  });
}
