import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Reports the criterion card (`[data-criterion]` inside the returned list ref) that crosses the reading
 * line, a band a third of the way down the viewport, as the trainer scrolls. Cards need no ref of their
 * own: the observer watches every card the list holds, and again when the list changes.
 */
export function useVisibleCriterion(onVisible: (criterionId: string) => void) {
  const callback = useRef(onVisible);
  callback.current = onVisible;
  const [list, setList] = useState<HTMLElement | null>(null);
  const ref = useCallback((element: HTMLElement | null) => setList(element), []);

  useEffect(() => {
    if (!list || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        // Of the cards entering the band, the one nearest the top of the screen wins.
        const entering = entries
          .filter((e) => e.isIntersecting)
          .sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        const id = (entering[0]?.target as HTMLElement | undefined)?.dataset.criterion;
        if (id) callback.current(id);
      },
      // A thin band from 30 % to 35 % of the viewport's height: one card at a time crosses it.
      { rootMargin: '-30% 0px -65% 0px', threshold: 0 },
    );
    for (const card of list.querySelectorAll<HTMLElement>('[data-criterion]')) observer.observe(card);
    return () => observer.disconnect();
  }, [list]);

  return ref;
}
