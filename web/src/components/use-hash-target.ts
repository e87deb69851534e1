import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * Client-side navigation does not update `:target` nor scroll to the fragment: once the page's data is
 * shown, scroll to the element named by the hash and mark it.
 */
export function useHashTarget(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const element = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!element) return;
    element.classList.add('is-target');
    element.scrollIntoView({ block: 'center' });
    return () => element.classList.remove('is-target');
  }, [ready, hash]);
}
