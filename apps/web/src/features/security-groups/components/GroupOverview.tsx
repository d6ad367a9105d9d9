import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { SecurityGroupSummary } from '@ecs-console/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { InternalLink } from '@/components/InternalLink';
import { ResourceTags } from '@/components/ResourceTags';
import { formatCount, formatDateTime } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { GroupReference } from '../logic/group-references';
import { groupPagePath } from '../paths';

interface GroupOverviewProps {
  readonly group: SecurityGroupSummary;
  readonly regionId: string;
  /** The instances in the group, once the region's instances have loaded. */
  readonly memberCount: number | undefined;
  /** Other groups whose rules name this one (ECS will not delete it while any does). */
  readonly referencedBy: readonly GroupReference[];
  /** Edit and delete, when the page has them. */
  readonly actions?: ReactNode;
}

const orDash = (value: string | undefined) => value || '-';

/** The group's own attributes: what it is, where, how its members treat each other, its rules and members counted, its tags. */
export function GroupOverview({ group, regionId, memberCount, referencedBy, actions }: GroupOverviewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inbound = group.Permissions.filter((permission) => permission.Direction === 'ingress').length;
  const outbound = group.Permissions.length - inbound;
  const tags = group.Tags?.Tag ?? [];

  return (
    <Container
      header={
        <Header variant="h2" actions={actions}>
          {t('securityGroups.detail.summary')}
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          { label: t('securityGroups.detail.fields.name'), value: orDash(group.SecurityGroupName) },
          { label: t('securityGroups.detail.fields.id'), value: <CopyableId id={group.SecurityGroupId} /> },
          { label: t('securityGroups.detail.fields.vpc'), value: orDash(group.VpcId) },
          {
            label: t('securityGroups.detail.fields.type'),
            value: t(`securityGroups.detail.types.${group.SecurityGroupType}`),
          },
          {
            label: t('securityGroups.detail.fields.innerAccess'),
            value: t(`securityGroups.detail.innerAccess.${group.InnerAccessPolicy}`),
          },
          {
            label: t('securityGroups.detail.fields.members'),
            value: memberCount === undefined ? '-' : formatCount(memberCount, locale),
          },
          {
            label: t('securityGroups.detail.fields.rules'),
            value: t('securityGroups.detail.ruleCounts', {
              inbound: formatCount(inbound, locale),
              outbound: formatCount(outbound, locale),
            }),
          },
          { label: t('securityGroups.detail.fields.created'), value: formatDateTime(group.CreationTime, locale) },
          { label: t('securityGroups.detail.fields.resourceGroup'), value: orDash(group.ResourceGroupId) },
          { label: t('securityGroups.detail.fields.description'), value: orDash(group.Description) },
          {
            label: t('securityGroups.detail.fields.referencedBy'),
            value:
              referencedBy.length > 0 ? (
                <SpaceBetween size="xxxs">
                  {referencedBy.map(({ group: other }) => (
                    <InternalLink key={other.SecurityGroupId} href={groupPagePath(regionId, other.SecurityGroupId)}>
                      {other.SecurityGroupName || other.SecurityGroupId}
                    </InternalLink>
                  ))}
                </SpaceBetween>
              ) : (
                t('securityGroups.detail.notReferenced')
              ),
          },
          {
            label: t('securityGroups.detail.fields.tags'),
            value: <ResourceTags tags={tags} empty={t('securityGroups.detail.noTags')} />,
          },
        ]}
      />
    </Container>
  );
}
