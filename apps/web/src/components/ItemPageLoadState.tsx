import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Spinner from '@cloudscape-design/components/spinner';
import { useTranslation } from 'react-i18next';
import type { RegionListItemState } from '@/lib/region-list';
import { ApiErrorAlert } from './ApiErrorAlert';
import { InternalLink } from './InternalLink';

interface ItemPageLoadStateProps {
  readonly state: RegionListItemState<unknown>;
  readonly texts: {
    readonly loadFailed: string;
    readonly notFoundTitle: string;
    readonly notFoundBody: string;
    /** The link back to the list the item would be in. */
    readonly back: { readonly href: string; readonly text: string };
  };
}

/** A resource page's body until it has its resource: a spinner, the load's error with Retry, or "not found". */
export function ItemPageLoadState({ state, texts }: ItemPageLoadStateProps) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'failed':
      return (
        <ApiErrorAlert
          error={state.error}
          header={texts.loadFailed}
          action={<Button onClick={state.retry}>{t('common.retry')}</Button>}
        />
      );
    case 'loading':
      return (
        <Box textAlign="center" padding="xxl">
          <Spinner size="large" />
        </Box>
      );
    case 'notFound':
      return (
        <Alert type="warning" header={texts.notFoundTitle}>
          {texts.notFoundBody} <InternalLink href={texts.back.href}>{texts.back.text}</InternalLink>
        </Alert>
      );
    case 'found':
      return null;
  }
}
