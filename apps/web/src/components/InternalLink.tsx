import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useCallback, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

interface FollowDetail {
  readonly href?: string;
  readonly external?: boolean;
}

/**
 * An `onFollow` handler for Cloudscape links and navigation: plain clicks on in-app links navigate
 * inside the SPA; modified clicks (new tab) and external links keep the browser's behaviour.
 */
export function useRouterFollow(): (event: CustomEvent<FollowDetail>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: CustomEvent<FollowDetail>) => {
      const { href, external } = event.detail;
      if (!href || external) return;
      event.preventDefault();
      void navigate(href);
    },
    [navigate],
  );
}

interface InternalLinkProps {
  readonly href: string;
  readonly children: ReactNode;
  readonly variant?: LinkProps['variant'];
  readonly ariaLabel?: string;
}

/** A Cloudscape link to a page of the console. */
export function InternalLink({ href, children, variant, ariaLabel }: InternalLinkProps) {
  const onFollow = useRouterFollow();
  return (
    <Link href={href} onFollow={onFollow} variant={variant} ariaLabel={ariaLabel}>
      {children}
    </Link>
  );
}
