import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorDetails } from '@/components/ApiErrorAlert';
import { InternalLink } from '@/components/InternalLink';
import { INSTANCE_LIST } from '@/lib/region-list';
import { useGroupMembers } from '../api/group-members';

/** Members listed by name; the rest are counted. */
const SHOWN = 10;

interface AffectedInstancesProps {
  readonly regionId: string;
  readonly groupId: string;
}

/**
 * Who a rule change reaches before it is applied: the group's member instances (from the region's
 * instance list), how many, and the first ten linked to their pages. None is said plainly.
 */
export function AffectedInstances({ regionId, groupId }: AffectedInstancesProps) {
  const { t } = useTranslation();
  const { members, isError, error } = useGroupMembers(regionId, groupId);
  const label = t('securityGroups.rules.affected.title');
  const frame = (content: ReactNode) => (
    <section aria-label={label}>
      <Box variant="h4">{label}</Box>
      {content}
    </section>
  );

  if (isError && !members) {
    return frame(
      <Alert type="warning" header={t('securityGroups.rules.affected.unknown')}>
        <ApiErrorDetails error={error} />
      </Alert>,
    );
  }
  if (!members) {
    return frame(
      <Box>
        <Spinner /> {t('securityGroups.rules.affected.loading')}
      </Box>,
    );
  }
  if (members.length === 0) return frame(<Box variant="p">{t('securityGroups.rules.affected.none')}</Box>);
  return frame(
    <>
      <Box variant="p">{t('securityGroups.rules.affected.count', { count: members.length })}</Box>
      <ul aria-label={t('securityGroups.rules.affected.list')}>
        {members.slice(0, SHOWN).map((instance) => (
          <li key={instance.InstanceId}>
            <InternalLink href={INSTANCE_LIST.pagePath(regionId, instance.InstanceId)}>
              {instance.InstanceName || instance.InstanceId}
            </InternalLink>{' '}
            <Box variant="small" display="inline">
              {instance.InstanceId}
            </Box>
          </li>
        ))}
      </ul>
      {members.length > SHOWN && (
        <Box variant="small">{t('securityGroups.rules.affected.more', { count: members.length - SHOWN })}</Box>
      )}
    </>,
  );
}
