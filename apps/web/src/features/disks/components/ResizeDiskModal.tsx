import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import { ONLINE_RESIZE_CATEGORIES, type DiskSummary } from '@ecs-console/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { CopyableId } from '@/components/CopyableId';
import { FormModal } from '@/components/FormModal';
import { useFailureAfterClose, useNotifications } from '@/components/notifications';
import { callEcsAction } from '@/lib/api-client';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { DISK_LIST, refreshRegionListItems } from '@/lib/region-list';
import { useClientToken, useOneAtATime } from '@/lib/client-token';
import { parseWholeNumber } from '../logic/create-disk';
import { diskCategoryLabel } from '../logic/disk-categories';
import {
  canGrow,
  maxSizeOf,
  resizeDiskRequest,
  resizeMode,
  validateNewSize,
  type AttachedInstance,
  type ResizeDiskParams,
  type ResizeMode,
} from '../logic/resize-disk';
import { DiskPerformance } from './DiskPerformance';

export interface ResizeDiskModalProps {
  readonly regionId: string;
  readonly disk: DiskSummary;
  /** The instance the disk is attached to, when known: a Running one allows an online resize. */
  readonly instance?: AttachedInstance;
  readonly visible: boolean;
  readonly onDismiss: () => void;
}

/** Resize (grow only), online when the disk and its instance allow it; says what the user must do after. */
export function ResizeDiskModal(props: ResizeDiskModalProps) {
  return props.visible ? <ResizeDiskDialog {...props} /> : null;
}

function ResizeDiskDialog({ regionId, disk, instance, onDismiss }: ResizeDiskModalProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notify } = useNotifications();
  const queryClient = useQueryClient();
  const tokenFor = useClientToken();
  const oneAtATime = useOneAtATime();
  const [newSize, setNewSize] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const mode = resizeMode(disk, instance);
  const instanceId = instance?.InstanceId ?? disk.InstanceId;
  const max = maxSizeOf(disk);
  const category = diskCategoryLabel(t, disk.Category, disk.PerformanceLevel);
  const texts: ResizeTexts = {
    current: formatCount(disk.Size, locale),
    max: formatCount(max, locale),
    category,
    instance: instanceId,
    disk: disk.DiskId,
  };
  const error = validateNewSize(newSize, disk);
  // A size too large or not larger shows as typed; an empty field only on submit.
  const shownError = submitted || (error !== 'required' && error !== null) ? error : null;
  const growable = canGrow(disk);

  const failedAfterClose = useFailureAfterClose(t('disks.resize.failed', { disk: disk.DiskId }));
  const mutation = useMutation({
    mutationFn: (params: ResizeDiskParams) => callEcsAction('ResizeDisk', params),
    onError: failedAfterClose,
    onSuccess: (answer, params) => {
      onDismiss();
      void refreshRegionListItems(queryClient, DISK_LIST, regionId, [disk.DiskId]);
      const size = formatCount(params.NewSize, locale);
      const offline = mode === 'offline';
      notify({
        // The restart still to do stays in view until dismissed.
        type: offline ? 'info' : 'success',
        header: offline
          ? t('disks.resize.result.succeededOffline', { ...texts, size })
          : t('disks.resize.result.succeeded', { ...texts, size }),
        content: (
          <Box variant="small" color="inherit">
            {t('errors.requestId')}: <CopyableId id={answer.RequestId} />
          </Box>
        ),
      });
    },
  });

  const submit = () => {
    setSubmitted(true);
    const size = parseWholeNumber(newSize);
    if (error !== null || size === null) return;
    const { ClientToken: _unset, ...values } = resizeDiskRequest(regionId, disk, size, mode, '');
    if (!oneAtATime.start()) return;
    mutation.mutate({ ...values, ClientToken: tokenFor(values) }, { onError: oneAtATime.settled });
  };

  const validSize = shownError === null ? parseWholeNumber(newSize) : null;
  return (
    <FormModal
      header={t('disks.resize.title', texts)}
      submitText={t('disks.resize.submit')}
      submitting={mutation.isPending}
      submitDisabled={!growable}
      onSubmit={submit}
      onDismiss={onDismiss}
    >
      <KeyValuePairs
        items={[
          {
            label: t('disks.resize.current'),
            value: t('disks.resize.currentValue', { size: formatCount(disk.Size, locale), category }),
          },
        ]}
      />
      {growable ? (
        <>
          <FormField
            label={t('disks.resize.newSize.label')}
            constraintText={t('disks.resize.newSize.constraint', texts)}
            errorText={shownError ? t(`disks.resize.newSize.errors.${shownError}`, texts) : undefined}
          >
            <Input
              type="number"
              inputMode="numeric"
              value={newSize}
              onChange={({ detail }) => setNewSize(detail.value)}
            />
          </FormField>
          <DiskPerformance
            category={disk.Category}
            performanceLevel={disk.Category === 'cloud_essd' ? disk.PerformanceLevel : undefined}
            size={validSize !== null && validSize > disk.Size ? validSize : null}
            range={{ min: disk.Size + 1, max }}
          />
          <ResizeModeAlert mode={mode} disk={disk} instance={instance} texts={texts} />
        </>
      ) : (
        <Alert type="info">{t('disks.resize.atMaximum', texts)}</Alert>
      )}
      {mutation.isError && (
        <ApiErrorAlert error={mutation.error} header={t('disks.resize.failed', { disk: disk.DiskId })} />
      )}
    </FormModal>
  );
}

// A type, not an interface: translation options need an index signature.
type ResizeTexts = {
  readonly current: string;
  readonly max: string;
  readonly category: string;
  readonly instance: string;
  readonly disk: string;
};

/** What the resize means for the instance: online (no restart), offline (restart), or an unattached disk. */
function ResizeModeAlert({
  mode,
  disk,
  instance,
  texts,
}: {
  readonly mode: ResizeMode;
  readonly disk: DiskSummary;
  readonly instance: AttachedInstance | undefined;
  readonly texts: ResizeTexts;
}) {
  const { t } = useTranslation();
  const why =
    mode !== 'offline'
      ? undefined
      : !ONLINE_RESIZE_CATEGORIES.has(disk.Category)
        ? t('disks.resize.mode.offline.whyCategory', texts)
        : instance && instance.Status !== 'Running'
          ? t('disks.resize.mode.offline.whyNotRunning')
          : undefined;
  return (
    <Alert type={mode === 'offline' ? 'warning' : 'info'} header={t(`disks.resize.mode.${mode}.header`)}>
      {why && (
        <Box variant="p" color="inherit">
          {why}
        </Box>
      )}
      <Box variant="p" color="inherit">
        {t(`disks.resize.mode.${mode}.body`, texts)}
      </Box>
    </Alert>
  );
}
