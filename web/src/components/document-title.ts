import { useEffect } from 'react';

/** Sets the tab title to « <title> · Préjury » while the page is shown. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Préjury` : 'Préjury';
  }, [title]);
}
