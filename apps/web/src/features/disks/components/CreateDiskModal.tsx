import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { PerformanceLevel, SnapshotSummary } from '@ecs-console/contract';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { FormModal } from '@/components/FormModal';
import { NameDescriptionFields } from '@/components/NameDescriptionFields';
import { useFailureAfterClose } from '@/components/notifications';
import { TagEditor } from '@/components/TagEditor';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { useClientToken, useOneAtATime } from '@/lib/client-token';
import { createDisk } from '../api/create-disk';
import { useZoneOffers } from '../api/zones';
import {
  createDiskRequest,
  DEFAULT_CATEGORY,
  DEFAULT_PERFORMANCE_LEVEL,
  defaultSize,
  defaultZoneId,
  isCreateDiskValid,
  levelFor,
  newDiskSizeRange,
  parseWholeNumber,
  snapshotSizeGiB,
  validateCreateDisk,
  type CreateDiskForm,
  type CreateDiskParams,
} from '../logic/create-disk';
import type { TagDraft } from '@/lib/ecs-resource-rules';
import { diskCategoryLabel } from '../logic/disk-categories';
import { CreateDiskPlacement } from './CreateDiskPlacement';
import { CreateDiskSource } from './CreateDiskSource';
import { DiskPerformance } from './DiskPerformance';
import { useReportCreatedDisk } from './use-create-disk-result';

export interface CreateDiskModalProps {
  readonly regionId: string;
  readonly visible: boolean;
  readonly onDismiss: () => void;
  /** The zone to start with (the user may choose another). */
  readonly zoneId?: string;
  /** Make the disk from this snapshot (the user may choose another). */
  readonly snapshot?: SnapshotSummary;
  /** From an instance's page: the disk goes in the instance's zone and is attached once Available. */
  readonly attachTo?: { readonly instanceId: string; readonly zoneId: string };
  /** CreateDisk accepted the disk. */
  readonly onCreated?: (diskId: string) => void;
}

/**
 * Create disk: zone, category and performance level, size within the category's limits, an
 * optional source snapshot, encryption, name, description and tags, checked against ECS's rules
 * before sending. It opens on ESSD PL1, 40 GiB, in the region's first zone offering it, so a name is
 * all a user must type.
 */
export function CreateDiskModal(props: CreateDiskModalProps) {
  // Mounted only while open, so every opening starts from the defaults.
  return props.visible ? <CreateDiskDialog {...props} /> : null;
}

function CreateDiskDialog({ regionId, onDismiss, zoneId, snapshot, attachTo, onCreated }: CreateDiskModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const zones = useZoneOffers(regionId);
  const reportCreated = useReportCreatedDisk();
  const tokenFor = useClientToken();
  const oneAtATime = useOneAtATime();

  const [category, setCategory] = useState<string>(DEFAULT_CATEGORY);
  const [performanceLevel, setPerformanceLevel] = useState<PerformanceLevel>(DEFAULT_PERFORMANCE_LEVEL);
  // Unset: the region's first zone offering the category.
  const [chosenZoneId, setChosenZoneId] = useState<string | undefined>(zoneId);
  // Unset: the default size for the category, level and snapshot.
  const [typedSize, setTypedSize] = useState<string | null>(null);
  const [source, setSource] = useState<SnapshotSummary | undefined>(snapshot);
  const [encrypted, setEncrypted] = useState(false);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState<TagDraft[]>([]);
  const [deleteWithInstance, setDeleteWithInstance] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const zoneOffers = zones.data ?? [];
  const form: CreateDiskForm = {
    zoneId: attachTo?.zoneId ?? chosenZoneId ?? defaultZoneId(zoneOffers, category),
    category,
    performanceLevel,
    size: typedSize ?? String(defaultSize(category, performanceLevel, source)),
    snapshot: source,
    encrypted,
    name,
    description,
    tags,
  };
  const errors = validateCreateDisk(form, zoneOffers);
  // Choices conflict as soon as they are made; missing input is pointed out on submit.
  const shown = submitted ? errors : { ...errors, name: errors.name === 'required' ? null : errors.name };
  const range = newDiskSizeRange(category, performanceLevel);
  const size = parseWholeNumber(form.size);
  const categoryName = diskCategoryLabel(t, category, levelFor(category, performanceLevel));
  const sizeTexts = {
    min: formatCount(range.min, locale),
    max: formatCount(range.max, locale),
    category: categoryName,
    snapshot: source ? formatCount(snapshotSizeGiB(source), locale) : '',
  };

  const failedAfterClose = useFailureAfterClose(t('disks.create.failed'));
  const mutation = useMutation({
    mutationFn: (params: CreateDiskParams) => createDisk(params),
    onError: failedAfterClose,
    // On the mutation, not on this dialog: the report and the attaching go on once it has closed.
    onSuccess: (created, params) => {
      onDismiss();
      onCreated?.(created.value);
      void reportCreated({
        regionId,
        diskId: created.value,
        requestId: created.requestId,
        snapshotId: params.SnapshotId,
        attachTo: attachTo && { instanceId: attachTo.instanceId, deleteWithInstance },
      });
    },
  });

  const submit = () => {
    setSubmitted(true);
    if (!zones.isSuccess || !isCreateDiskValid(errors)) return;
    const { ClientToken: _unset, ...values } = createDiskRequest(form, regionId, '');
    if (!oneAtATime.start()) return;
    mutation.mutate({ ...values, ClientToken: tokenFor(values) }, { onError: oneAtATime.settled });
  };

  return (
    <FormModal
      header={attachTo ? t('disks.create.titleAttach', { instance: attachTo.instanceId }) : t('disks.create.title')}
      submitText={attachTo ? t('disks.create.submitAttach') : t('disks.create.submit')}
      submitting={mutation.isPending}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <CreateDiskPlacement
        zones={zones}
        zoneId={form.zoneId}
        fixedFor={attachTo?.instanceId}
        onZoneChange={setChosenZoneId}
        category={category}
        onCategoryChange={setCategory}
        performanceLevel={performanceLevel}
        onPerformanceLevelChange={setPerformanceLevel}
        zoneError={shown.zone}
      />
      <FormField
        label={t('disks.create.size.label')}
        constraintText={t(source ? 'disks.create.size.constraintSnapshot' : 'disks.create.size.constraint', sizeTexts)}
        errorText={shown.size ? t(`disks.create.size.errors.${shown.size}`, sizeTexts) : undefined}
      >
        <Input
          type="number"
          inputMode="numeric"
          value={form.size}
          onChange={({ detail }) => setTypedSize(detail.value)}
        />
      </FormField>
      <DiskPerformance
        category={category}
        performanceLevel={levelFor(category, performanceLevel)}
        size={shown.size === null ? size : null}
        range={range}
      />
      <CreateDiskSource
        regionId={regionId}
        snapshot={source}
        onSnapshotChange={setSource}
        error={shown.snapshot ? t(`disks.create.snapshot.errors.${shown.snapshot}`, sizeTexts) : undefined}
      />
      <FormField
        label={t('disks.create.encryption.label')}
        description={source?.Encrypted ? t('disks.create.encryption.fromSnapshot') : undefined}
      >
        <Checkbox
          checked={encrypted || source?.Encrypted === true}
          disabled={source?.Encrypted === true}
          description={t('disks.create.encryption.description')}
          onChange={({ detail }) => setEncrypted(detail.checked)}
        >
          {t('disks.create.encryption.checkbox')}
        </Checkbox>
      </FormField>
      <NameDescriptionFields
        name={name}
        description={description}
        onNameChange={setName}
        onDescriptionChange={setDescription}
        errors={shown}
        autoFocus
      />
      <TagEditor tags={tags} onChange={setTags} errors={shown.tags} />
      {attachTo && (
        <FormField label={t('disks.create.deleteWithInstance.label')}>
          <Checkbox checked={deleteWithInstance} onChange={({ detail }) => setDeleteWithInstance(detail.checked)}>
            {t('disks.create.deleteWithInstance.checkbox', { instance: attachTo.instanceId })}
          </Checkbox>
        </FormField>
      )}
      {attachTo && (
        <Box variant="p" color="text-body-secondary">
          {t('disks.create.attachInfo', { zone: attachTo.zoneId, instance: attachTo.instanceId })}
        </Box>
      )}
      {mutation.isError && <ApiErrorAlert error={mutation.error} header={t('disks.create.failed')} />}
    </FormModal>
  );
}
