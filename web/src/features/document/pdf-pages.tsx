import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { TextLayer, Util } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';
import { openPdf } from './pdf';
import styles from './pdf-pages.module.css';
import { type Box, quoteBoxes, type TextRun } from './quote-boxes';

/** Something to highlight on a page: an evidence quote or a commented passage. */
export interface PdfMark {
  key: string;
  page: number;
  quote: string;
  kind: 'evidence' | 'comment';
  active?: boolean;
}

/** The mark to bring into view; `request` changes each time it should be scrolled to again. */
export interface PdfFocus {
  key: string;
  request: number | string;
}

interface PageSize {
  number: number;
  width: number;
  height: number;
}

/** The nearest element that scrolls vertically (the panel), else the window's scroller. */
function scrollParent(element: HTMLElement | null): HTMLElement {
  for (let el = element?.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return document.scrollingElement as HTMLElement;
}

/** Scrolls only the element's scroll container (not the whole page) so `top` (px within `element`) is centred. */
function centreIn(element: HTMLElement, top: number, height: number) {
  const scroller = scrollParent(element);
  const within =
    element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop + top;
  const visible = scroller === document.scrollingElement ? window.innerHeight : scroller.clientHeight;
  scroller.scrollTo?.({ top: Math.max(0, within - visible / 2 + height / 2) });
}

/**
 * The PDF as it looks, page by page (canvas and a selectable text layer), fitted to the column's width.
 * Pages are laid out at their size at once but drawn only when they come near the view. The marks are
 * found in each page's text and drawn over it as boxes; `focus` scrolls to a mark's boxes.
 */
export function PdfPages({
  url,
  marks,
  focus,
  aside,
  containerRef,
}: {
  url: string;
  marks: PdfMark[];
  focus?: PdfFocus | null;
  /** What goes under a page (its margin notes). */
  aside?: (page: number) => ReactNode;
  /** The element holding the pages, for selection handling by the caller. */
  containerRef?: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>([]);
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);
  const ownRef = useRef<HTMLDivElement>(null);
  const rootRef = containerRef ?? ownRef;

  useEffect(() => {
    let live = true;
    setDoc(null);
    setSizes([]);
    setFailed(false);
    let task: ReturnType<typeof openPdf>;
    try {
      task = openPdf(url);
    } catch {
      setFailed(true);
      return;
    }
    task.promise
      .then(async (pdf) => {
        const all: PageSize[] = [];
        for (let n = 1; n <= pdf.numPages; n++) {
          const viewport = (await pdf.getPage(n)).getViewport({ scale: 1 });
          all.push({ number: n, width: viewport.width, height: viewport.height });
        }
        if (!live) return;
        setSizes(all);
        setDoc(pdf);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      task.destroy();
    };
  }, [url]);

  useEffect(() => {
    const element = rootRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [rootRef]);

  const byPage = useMemo(() => {
    const map = new Map<number, PdfMark[]>();
    for (const mark of marks) map.set(mark.page, [...(map.get(mark.page) ?? []), mark]);
    return map;
  }, [marks]);
  const focusPage = focus ? marks.find((m) => m.key === focus.key)?.page : undefined;

  return (
    <div className={styles.pages} ref={rootRef}>
      {failed ? (
        <p className="notice" role="alert">
          {t('document.pdfFailed')}
        </p>
      ) : !doc || width === 0 ? (
        <Loading label={t('document.pdfLoading')} />
      ) : (
        sizes.map((size, i) => (
          <PdfPage
            key={size.number}
            doc={doc}
            number={size.number}
            total={sizes.length}
            size={size}
            width={width}
            marks={byPage.get(i + 1) ?? []}
            focus={focusPage === i + 1 ? (focus ?? null) : null}
            aside={aside?.(i + 1)}
          />
        ))
      )}
    </div>
  );
}

/** The runs of a rendered page, in CSS pixels, from pdf.js's text content. */
function runsOf(items: TextItem[], viewport: ReturnType<PDFPageProxy['getViewport']>): TextRun[] {
  return items
    .filter((item) => typeof item.str === 'string')
    .map((item) => {
      const tx = Util.transform(viewport.transform, item.transform);
      const fontHeight = Math.hypot(tx[2], tx[3]);
      return {
        str: item.str,
        hasEOL: item.hasEOL,
        left: tx[4],
        // The baseline is at tx[5]; glyphs rise about 0.8 of the font height above it.
        top: tx[5] - fontHeight * 0.8,
        width: item.width * viewport.scale,
        height: fontHeight,
      };
    });
}

function PdfPage({
  doc,
  number,
  total,
  size,
  width,
  marks,
  focus,
  aside,
}: {
  doc: PDFDocumentProxy;
  number: number;
  total: number;
  size: PageSize;
  width: number;
  marks: PdfMark[];
  focus: PdfFocus | null;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [runs, setRuns] = useState<TextRun[] | null>(null);
  const scale = width / size.width;
  const height = Math.round(size.height * scale);

  // Draw a page only once it comes near the view; keep it drawn afterwards.
  useEffect(() => {
    const element = pageRef.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near) return;
    let live = true;
    let render: RenderTask | null = null;
    let textLayer: TextLayer | null = null;
    (async () => {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const canvas = canvasRef.current;
      const text = textRef.current;
      if (!live || !canvas || !text) return;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      render = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      const content = await page.getTextContent();
      if (!live) return;
      text.replaceChildren();
      textLayer = new TextLayer({ textContentSource: content, container: text, viewport });
      await textLayer.render();
      if (!live) return;
      setRuns(runsOf(content.items as TextItem[], viewport));
      await render.promise.catch(() => {});
    })().catch(() => {
      // A page pdf.js cannot draw stays blank; the text view still has its text.
    });
    return () => {
      live = false;
      render?.cancel();
      textLayer?.cancel();
    };
  }, [near, doc, number, scale]);

  const boxes = useMemo(
    () => (runs ? marks.map((mark) => ({ mark, boxes: quoteBoxes(runs, mark.quote) ?? ([] as Box[]) })) : []),
    [runs, marks],
  );

  // Scroll once per request: to the page first (so it gets drawn), then to the mark's boxes once they are
  // known. Marks changing later (a comment added) must not pull the view back.
  const scrolled = useRef('');
  useEffect(() => {
    const element = pageRef.current;
    if (!focus || !element) return;
    const id = `${focus.key}|${focus.request}`;
    if (scrolled.current === id) return;
    const target = boxes.find((b) => b.mark.key === focus.key)?.boxes[0];
    if (target) centreIn(element, target.top, target.height);
    else centreIn(element, 0, Math.min(height, 200));
    if (target || runs) scrolled.current = id;
  }, [focus, boxes, runs, height]);

  return (
    <section
      className={styles.page}
      aria-label={t('document.pageOf', { page: number, total })}
      data-page={number}
      id={`pdf-page-${number}`}
    >
      <div
        ref={pageRef}
        className={styles.sheet}
        style={
          {
            width,
            height,
            '--total-scale-factor': scale,
            '--scale-round-x': '1px',
            '--scale-round-y': '1px',
          } as React.CSSProperties
        }
      >
        <canvas ref={canvasRef} className={styles.canvas} style={{ width, height }} />
        <div className={styles.marks} aria-hidden="true">
          {boxes.flatMap(({ mark, boxes: list }) =>
            list.map((box, i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: a mark's boxes are in reading order and never reordered.
                key={`${mark.key}-${i}`}
                data-mark={mark.key}
                data-kind={mark.kind}
                className={[styles.box, styles[mark.kind], mark.active ? styles.active : ''].join(' ')}
                style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
              />
            )),
          )}
        </div>
        <div ref={textRef} className={`textLayer ${styles.text}`} data-page-text={number} />
      </div>
      <p className={styles.pageNumber}>{t('document.pageOf', { page: number, total })}</p>
      {aside}
    </section>
  );
}
