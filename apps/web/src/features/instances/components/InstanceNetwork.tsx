import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { CopyableId } from '@/components/CopyableId';
import { SECURITY_GROUP_LIST } from '@/lib/region-list';
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

/** An Elastic IP's address, and on its own line below, what it is: its allocation ID. */
function ElasticIp({ address, allocationId }: { readonly address: string; readonly allocationId?: string }) {
  const { t } = useTranslation();
  return (
    <SpaceBetween size="xxxs">
      <CopyableId id={address} />
      <Box variant="small" display="block" color="text-body-secondary">
        {allocationId ? t('instanceDetail.eipAllocation', { allocationId }) : t('instanceDetail.fields.eip')}
      </Box>
    </SpaceBetween>
  );
}

/** Addresses that reach the instance from the internet: ECS's public IPs, then its Elastic IP, labelled as such. */
function PublicAddresses({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const fixed = instance.PublicIpAddress?.IpAddress ?? [];
  const eip = instance.EipAddress?.IpAddress;
  if (fixed.length === 0 && !eip) return '-';
  return (
    <SpaceBetween size="xxxs">
      {fixed.map((ip) => (
        <CopyableId key={ip} id={ip} />
      ))}
      {eip && (
        <SpaceBetween size="xxxs">
          <CopyableId id={eip} />
          <Box variant="small" display="block" color="text-body-secondary">
            {t('instanceDetail.fields.eip')}
          </Box>
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}

/** Where the instance sits on the network and who may reach it. */
export function InstanceNetwork({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const { VpcAttributes: vpc, EipAddress: eip } = instance;
  // With an Elastic IP, the internet bandwidth is the EIP's; the instance's own applies to its fixed public IP.
  const eipBandwidth = eip?.IpAddress ? eip.Bandwidth : undefined;
  const internetBandwidth = () => {
    if (eipBandwidth !== undefined) return t('instanceDetail.eipBandwidth', { mbps: eipBandwidth });
    // "0 Mbit/s outbound" on an instance without a public address says nothing useful.
    if ((instance.PublicIpAddress?.IpAddress ?? []).length === 0 && instance.InternetMaxBandwidthOut === 0) {
      return t('instanceDetail.noInternet');
    }
    return t('instanceDetail.bandwidth', { mbps: instance.InternetMaxBandwidthOut });
  };

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
          { label: t('instanceDetail.fields.publicIp'), value: <PublicAddresses instance={instance} /> },
          {
            label: t('instanceDetail.fields.eip'),
            value: eip?.IpAddress ? <ElasticIp address={eip.IpAddress} allocationId={eip.AllocationId} /> : '-',
          },
          {
            label: t('instanceDetail.fields.bandwidth'),
            value: internetBandwidth(),
          },
          {
            label: t('instanceDetail.fields.securityGroups'),
            value: (
              <IdList
                ids={securityGroupIds(instance)}
                href={(id) => SECURITY_GROUP_LIST.pagePath(instance.RegionId, id)}
              />
            ),
          },
        ]}
      />
    </Container>
  );
}
