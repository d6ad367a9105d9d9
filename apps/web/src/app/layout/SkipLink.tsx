import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './skip-link.module.css';

export const MAIN_CONTENT_ID = 'main-content';

/**
 * The first thing Tab reaches on every signed-in page: it moves focus past the top bar and the
 * navigation to the page itself. Focus is moved by hand, as a `#` link would also change the URL.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById(MAIN_CONTENT_ID);
    main?.focus();
    main?.scrollIntoView({ block: 'start' });
  };
  return (
    <a className={styles['skip-link']} href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      {t('feedback.skipToContent')}
    </a>
  );
}

/** Where the skip link leads: the page's own content. */
export function MainContent({ children }: { readonly children: ReactNode }) {
  return (
    <div id={MAIN_CONTENT_ID} tabIndex={-1} className={styles['main-content']}>
      {children}
    </div>
  );
}
