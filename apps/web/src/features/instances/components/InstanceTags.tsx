import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useTranslation } from 'react-i18next';
import { TableEmptyState } from '@/components/TableEmptyState';
import { instanceTags } from '../logic/instance-fields';
import type { InstanceSummary } from '@ecs-console/contract';

export function InstanceTags({ instance }: { readonly instance: InstanceSummary }) {
  const { t } = useTranslation();
  const tags = instanceTags(instance);
  return (
    <Table
      variant="container"
      header={
        <Header variant="h2" counter={`(${tags.length})`}>
          {t('instanceDetail.tags.title')}
        </Header>
      }
      items={tags}
      trackBy="TagKey"
      ariaLabels={{ tableLabel: t('instanceDetail.tags.title') }}
      columnDefinitions={[
        { id: 'key', header: t('instanceDetail.tags.key'), cell: (tag) => tag.TagKey, isRowHeader: true },
        { id: 'value', header: t('instanceDetail.tags.value'), cell: (tag) => tag.TagValue || '-' },
      ]}
      empty={<TableEmptyState title={t('instanceDetail.tags.empty')} />}
    />
  );
}
