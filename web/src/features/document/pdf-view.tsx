import { type ComponentProps, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/states';

export type { PdfFocus, PdfMark } from './pdf-pages';

// pdf.js is large (~400 kB): loaded only when someone opens the « Page » view.
const PdfPages = lazy(() => import('./pdf-pages').then((m) => ({ default: m.PdfPages })));

/** The drawn pages of a PDF (see `PdfPages`), with pdf.js fetched on first use. */
export function PdfView(props: ComponentProps<typeof PdfPages>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('document.pdfLoading')} />}>
      <PdfPages {...props} />
    </Suspense>
  );
}
