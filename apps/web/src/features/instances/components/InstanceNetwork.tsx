import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { privateIps, securityGroupIds } from '../logic/instance-fields';
import type { InstanceSummary } from '@ecs-console/contract';

function IdList({ ids, href }: { readonly ids: readonly string[]; readonly href?: (id: string) => string }) {
  if (ids.length === 0) return '-';
  return (
    <SpaceBetween size="xxxs">
      {ids.map((id) => (
        <CopyableId key={id} id={id} href={href?.(id)} />
      ))}
    </SpaceBetween>
  );
}

/** Where the instance sits on the network and who may reach it. */
export function InstanceNetwork({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const { VpcAttributes: vpc, EipAddress: eip } = instance;

  return (
    <Container header={<Header variant="h2">{t('instanceDetail.network')}</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: t('instanceDetail.fields.networkType'), value: t(`networkType.${instance.InstanceNetworkType}`) },
          { label: t('instanceDetail.fields.vpc'), value: vpc?.VpcId ? <CopyableId id={vpc.VpcId} /> : '-' },
          {
            label: t('instanceDetail.fields.vSwitch'),
            value: vpc?.VSwitchId ? <CopyableId id={vpc.VSwitchId} /> : '-',
          },
          { label: t('instanceDetail.fields.privateIp'), value: <IdList ids={privateIps(instance)} /> },
          {
            label: t('instanceDetail.fields.publicIp'),
            value: <IdList ids={instance.PublicIpAddress?.IpAddress ?? []} />,
          },
          {
            label: t('instanceDetail.fields.eip'),
            value: eip?.IpAddress ? (
              <Box>
                <CopyableId id={eip.IpAddress} />
                {eip.AllocationId && <Box variant="small">{eip.AllocationId}</Box>}
              </Box>
            ) : (
              '-'
            ),
          },
          {
            label: t('instanceDetail.fields.bandwidth'),
            value: t('instanceDetail.bandwidth', { mbps: instance.InternetMaxBandwidthOut }),
          },
          {
            label: t('instanceDetail.fields.securityGroups'),
            value: (
              <IdList
                ids={securityGroupIds(instance)}
                href={(id) => `/security-groups?${new URLSearchParams({ id }).toString()}`}
              />
            ),
          },
        ]}
      />
    </Container>
  );
}
