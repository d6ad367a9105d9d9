import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import { useTranslation } from 'react-i18next';
import { InternalLink } from './InternalLink';

interface CopyableIdProps {
  /** The resource ID (or any identifier) to show and copy. */
  readonly id: string;
  /** When set, the ID links to this page of the console. */
  readonly href?: string;
}

/** A resource ID with a copy button, optionally linking to the resource's page. */
export function CopyableId({ id, href }: CopyableIdProps) {
  const { t } = useTranslation();
  const copyTexts = {
    textToCopy: id,
    copyButtonAriaLabel: t('copy.ariaLabel', { value: id }),
    copySuccessText: t('copy.success', { value: id }),
    copyErrorText: t('copy.failure'),
  };
  if (!href) return <CopyToClipboard variant="inline" {...copyTexts} />;
  return (
    <Box display="inline-block">
      <InternalLink href={href}>{id}</InternalLink> <CopyToClipboard variant="icon" {...copyTexts} />
    </Box>
  );
}
