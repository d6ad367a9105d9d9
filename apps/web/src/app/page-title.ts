import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatches } from 'react-router';
import { isRouteHandle } from './route-handle';

/** Between the parts of a page title, most specific first: "i-bp1… · Instances · ECS Console". */
const SEPARATOR = ' · ';

/**
 * Gives every page its own document title from its routes' handles (title, else breadcrumb), so
 * tabs, history and bookmarks tell pages apart and a screen reader announces where the user is.
 */
export function usePageTitle(): void {
  const { t } = useTranslation();
  const matches = useMatches();
  const parts = matches.flatMap((match) => {
    if (!isRouteHandle(match.handle)) return [];
    const title = match.handle.title ?? match.handle.breadcrumb;
    const text = title?.(match.params, t);
    return text ? [text] : [];
  });
  const title = [...parts.reverse(), t('feedback.title.app')].join(SEPARATOR);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
