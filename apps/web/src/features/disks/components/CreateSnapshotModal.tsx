import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import type { DiskSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { FormModal } from '@/components/FormModal';
import { TagEditor } from '@/components/TagEditor';
import { useFailureAfterClose, useNotifications } from '@/components/notifications';
import { callEcsAction } from '@/lib/api-client';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { refreshRegionListItems, SNAPSHOT_LIST } from '@/lib/region-list';
import { useClientToken, useOneAtATime } from '@/lib/client-token';
import type { TagDraft } from '@/lib/ecs-resource-rules';
import {
  createSnapshotRequest,
  isCreateSnapshotValid,
  suggestedSnapshotName,
  validateCreateSnapshot,
  type CreateSnapshotForm,
  type CreateSnapshotParams,
} from '../logic/create-snapshot';
import { diskCategoryLabel } from '../logic/disk-categories';
import { diskPath } from '../paths';

export interface CreateSnapshotModalProps {
  readonly regionId: string;
  readonly disk: DiskSummary;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/** The Snapshots list filtered to one snapshot (its page is the list). */
function snapshotHref(regionId: string, snapshotId: string): string {
  return `/snapshots?${new URLSearchParams({ region: regionId, filter: `: ${snapshotId}` }).toString()}`;
}

/** Create a snapshot of a disk: name, description, retention, tags (operators may do it). */
export function CreateSnapshotModal(props: CreateSnapshotModalProps) {
  return props.visible ? <CreateSnapshotDialog {...props} /> : null;
}

function CreateSnapshotDialog({ regionId, disk, onDismiss }: CreateSnapshotModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notify } = useNotifications();
  const queryClient = useQueryClient();
  const tokenFor = useClientToken();
  const oneAtATime = useOneAtATime();
  const [name, setName] = useState(() => suggestedSnapshotName(disk, new Date()));
  const [description, setDescription] = useState('');
  const [keepForever, setKeepForever] = useState(true);
  const [retentionDays, setRetentionDays] = useState('30');
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [submitted, setSubmitted] = useState(false);

  const form: CreateSnapshotForm = { name, description, keepForever, retentionDays, tags };
  const errors = validateCreateSnapshot(form);
  const shown = submitted ? errors : { ...errors, name: errors.name === 'required' ? null : errors.name };
  const diskLabel = disk.DiskName ? `${disk.DiskId} (${disk.DiskName})` : disk.DiskId;

  const failedAfterClose = useFailureAfterClose(t('disks.snapshot.failed', { disk: diskLabel }));
  const mutation = useMutation({
    mutationFn: (params: CreateSnapshotParams) => callEcsAction('CreateSnapshot', params),
    onError: failedAfterClose,
    onSuccess: (answer) => {
      onDismiss();
      void refreshRegionListItems(queryClient, SNAPSHOT_LIST, regionId, [answer.SnapshotId]);
      notify({
        type: 'success',
        header: t('disks.snapshot.result.succeeded', { snapshot: answer.SnapshotId, disk: diskLabel }),
        content: (
          <SpaceBetween size="xxs">
            <Box variant="p" color="inherit">
              {t('disks.snapshot.result.succeededDetail')}
            </Box>
            <Box variant="small" color="inherit">
              {t('disks.snapshot.result.snapshot')}:{' '}
              <CopyableId id={answer.SnapshotId} href={snapshotHref(regionId, answer.SnapshotId)} />
            </Box>
            <Box variant="small" color="inherit">
              {t('disks.snapshot.disk')}: <CopyableId id={disk.DiskId} href={diskPath(regionId, disk.DiskId)} />
            </Box>
            <Box variant="small" color="inherit">
              {t('errors.requestId')}: <CopyableId id={answer.RequestId} />
            </Box>
          </SpaceBetween>
        ),
      });
    },
  });

  const submit = () => {
    setSubmitted(true);
    if (!isCreateSnapshotValid(errors)) return;
    const { ClientToken: _unset, ...values } = createSnapshotRequest(form, regionId, disk, '');
    if (!oneAtATime.start()) return;
    mutation.mutate({ ...values, ClientToken: tokenFor(values) }, { onError: oneAtATime.settled });
  };

  const nameError = shown.name === 'auto' ? t('disks.snapshot.name.errors.auto') : undefined;
  return (
    <FormModal
      header={t('disks.snapshot.title', { disk: diskLabel })}
      submitText={t('disks.snapshot.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <KeyValuePairs
        items={[
          {
            label: t('disks.snapshot.disk'),
            value: t('disks.snapshot.diskValue', {
              category: diskCategoryLabel(t, disk.Category, disk.PerformanceLevel),
              size: formatCount(disk.Size, locale),
              type: t(`diskType.${disk.Type}`),
            }),
          },
        ]}
      />
      <FormField
        label={t('disks.snapshot.name.label')}
        constraintText={t('disks.snapshot.name.constraint')}
        errorText={
          nameError ?? (shown.name && shown.name !== 'auto' ? t(`resourceFields.name.errors.${shown.name}`) : undefined)
        }
      >
        <Input autoComplete={false} spellcheck={false} value={name} onChange={({ detail }) => setName(detail.value)} />
      </FormField>
      <FormField
        label={t('resourceFields.description.label')}
        constraintText={t('resourceFields.description.constraint')}
        errorText={shown.description ? t(`resourceFields.description.errors.${shown.description}`) : undefined}
      >
        <Textarea rows={2} value={description} onChange={({ detail }) => setDescription(detail.value)} />
      </FormField>
      <FormField label={t('disks.snapshot.retention.label')}>
        <RadioGroup
          value={keepForever ? 'forever' : 'days'}
          onChange={({ detail }) => setKeepForever(detail.value === 'forever')}
          items={[
            { value: 'forever', label: t('disks.snapshot.retention.forever') },
            { value: 'days', label: t('disks.snapshot.retention.days') },
          ]}
        />
      </FormField>
      {!keepForever && (
        <FormField
          label={t('disks.snapshot.retention.daysLabel')}
          constraintText={t('disks.snapshot.retention.constraint')}
          errorText={shown.retentionDays ? t(`disks.snapshot.retention.errors.${shown.retentionDays}`) : undefined}
        >
          <Input
            type="number"
            inputMode="numeric"
            value={retentionDays}
            onChange={({ detail }) => setRetentionDays(detail.value)}
          />
        </FormField>
      )}
      <TagEditor tags={tags} onChange={setTags} errors={shown.tags} />
      {mutation.isError && (
        <ApiErrorAlert error={mutation.error} header={t('disks.snapshot.failed', { disk: diskLabel })} />
      )}
    </FormModal>
  );
}
