import { useEffect, useState, type RefObject } from 'react';

/**
 * The height that lets `ref`'s element end `bottomGapPx` above the bottom of the window, measured
 * from where the element sits on the unscrolled page, never less than `minHeightPx`. Re-measured
 * when the window or the page's content changes size (an alert appearing above it moves it down).
 */
export function useHeightToViewportBottom(
  ref: RefObject<HTMLElement | null>,
  bottomGapPx: number,
  minHeightPx: number,
): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(minHeightPx, Math.floor(window.innerHeight - top - bottomGapPx)));
    };
    // A ResizeObserver reports once as soon as it observes, so the first measure needs no call here.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, bottomGapPx, minHeightPx]);
  return height;
}
