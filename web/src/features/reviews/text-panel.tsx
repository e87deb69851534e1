import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CrossIcon } from '../../components/icons';
import { QueryState } from '../../components/query-state';
import { CommentNotes, withCommentMarks } from '../document/comment-notes';
import { type PdfMark, PdfView } from '../document/pdf-view';
import { type PassageComment, usePassageComments } from '../document/queries';
import { DocumentToolbar, type DocumentView, useDocumentView } from '../document/view-switch';
import { PageText, rowsByPage } from '../dossiers/page-text';
import { useDossier, useDossierText } from '../dossiers/queries';
import { locateQuote } from './locate-quote';
import styles from './text-panel.module.css';

/**
 * The text panel the address asks for (`?page=N&quote=…`, set by a quote's « voir dans le texte » link), or
 * nothing; closing it clears both. `quoteRequired`: open only for a quote (the report's links always carry one).
 */
export function AddressedTextPanel({
  dossierId,
  version,
  quoteRequired = false,
}: {
  dossierId: string;
  version: number;
  quoteRequired?: boolean;
}) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page'));
  const quote = params.get('quote') || undefined;
  const close = useCallback(() => setParams({}, { preventScrollReset: true }), [setParams]);
  if (!(page > 0) || (quoteRequired && !quote)) return null;
  return <TextPanel dossierId={dossierId} version={version} page={page} quote={quote} onClose={close} />;
}

/**
 * The dossier's extracted text, page by page, opened from an evidence quote: scrolled to the page with the
 * quote highlighted, so the candidate sees exactly what the score rests on. Without a quote (a coach
 * citation of a page), it opens at the page.
 */
export function TextPanel({
  dossierId,
  version,
  page,
  quote,
  onClose,
}: {
  dossierId: string;
  version: number;
  page: number;
  quote?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useDossierText(dossierId, version);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => rowsByPage(text.data?.tables ?? []), [text.data]);
  const location = useMemo(
    () => (text.data ? locateQuote(text.data.pages, page, quote ?? '') : null),
    [text.data, page, quote],
  );

  const dossier = useDossier(dossierId);
  const isPdf = dossier.data?.versions.find((v) => v.version === version)?.format === 'pdf';
  const [view, setView] = useDocumentView(isPdf);
  const comments = usePassageComments(dossierId, version);
  const pdfMarks = usePdfMarks(location, quote, comments.data);
  const notesOf = (p: number) => (
    <CommentNotes
      comments={(comments.data ?? []).filter((c) => c.page === p)}
      dossierId={dossierId}
      version={version}
    />
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  useEffect(() => {
    if (!location || !bodyRef.current || view !== 'text') return;
    const target =
      bodyRef.current.querySelector('mark[data-quote]') ??
      bodyRef.current.querySelector(`#text-page-${location.page}`);
    target?.scrollIntoView({ block: location.range ? 'center' : 'start' });
  }, [location, view]);

  return (
    <aside className={styles.textPanel} aria-labelledby="text-panel-title">
      <PanelHeader
        dossierId={dossierId}
        version={version}
        headingRef={headingRef}
        view={view}
        onView={setView}
        isPdf={isPdf}
        onClose={onClose}
      />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls on its own, so keyboard users must be able to focus and scroll it (WCAG 2.1.1) */}
      <div className={styles.textPanelBody} ref={bodyRef} tabIndex={0}>
        <QueryState query={text}>
          {(data) => (
            <>
              {location && !location.range && quote && (
                <p className="notice" role="status">
                  {t('textPanel.notFound', { page: location.page })}
                </p>
              )}
              {location?.range && location.page !== page && (
                <p className="notice" role="status">
                  {t('textPanel.foundElsewhere', { page: location.page, expected: page })}
                </p>
              )}
              {view === 'page' && (
                <PdfView
                  url={`/api/dossiers/${dossierId}/versions/${version}/file`}
                  marks={pdfMarks}
                  focus={location?.range ? { key: 'quote', request: `${location.page}|${quote}` } : null}
                  aside={notesOf}
                />
              )}
              {view === 'text' && data.pages.length === 0 && <p className="muted">{t('textPanel.empty')}</p>}
              {view === 'text' &&
                data.pages.map((p) => {
                  const isTarget = location?.page === p.page;
                  const range = isTarget ? location?.range : null;
                  return (
                    <section
                      key={p.page}
                      id={`text-page-${p.page}`}
                      className={isTarget ? 'text-page is-current' : 'text-page'}
                      aria-labelledby={`text-page-${p.page}-title`}
                    >
                      <h3 id={`text-page-${p.page}-title`}>{t('textPanel.page', { page: p.page })}</h3>
                      <PageText
                        text={p.text}
                        rows={rows.get(p.page) ?? []}
                        marks={withCommentMarks(
                          range ? [{ range, key: 'quote', quote: 0 }] : [],
                          comments.data ?? [],
                          p.page,
                        )}
                      />
                      {notesOf(p.page)}
                    </section>
                  );
                })}
            </>
          )}
        </QueryState>
      </div>
    </aside>
  );
}

/**
 * The boxes drawn on the PDF: the evidence quote, and every trainer comment of this version. Opened from a
 * trainer's comment (its passage as the quote), that comment's box is the one in focus.
 */
function usePdfMarks(
  location: ReturnType<typeof locateQuote> | null,
  quote: string | undefined,
  comments: PassageComment[] | undefined,
) {
  return useMemo<PdfMark[]>(() => {
    const list = comments ?? [];
    const opened = location?.range
      ? list.find((c) => c.page === location.page && c.quote === quote)
      : undefined;
    return [
      ...(location?.range && quote && !opened
        ? [{ key: 'quote', page: location.page, quote, kind: 'evidence' as const, active: true }]
        : []),
      ...list.map((c) => ({
        key: c === opened ? 'quote' : `c${c.id}`,
        page: c.page,
        quote: c.quote,
        kind: 'comment' as const,
        active: c === opened,
      })),
    ];
  }, [location, quote, comments]);
}

function PanelHeader({
  dossierId,
  version,
  headingRef,
  view,
  onView,
  isPdf,
  onClose,
}: {
  dossierId: string;
  version: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  view: DocumentView;
  onView: (view: DocumentView) => void;
  isPdf: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <header className={styles.textPanelHeader}>
      <div>
        <h2 id="text-panel-title" ref={headingRef} tabIndex={-1}>
          {t('textPanel.title', { version })}
        </h2>
        <p className="muted small">{t('textPanel.hint')}</p>
        <DocumentToolbar
          dossierId={dossierId}
          version={version}
          view={view}
          onView={onView}
          pageAvailable={isPdf}
        />
      </div>
      <button type="button" className="icon-button" onClick={onClose} aria-label={t('textPanel.close')}>
        <CrossIcon />
      </button>
    </header>
  );
}
