import Box from '@cloudscape-design/components/box';
import type { DiskSummary } from '@ecs-console/contract';
import { useTranslation } from 'react-i18next';
import { InternalLink } from '@/components/InternalLink';
import { diskPath } from '@/features/disks';
import { formatGiB } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { SnapshotRow } from '../logic/snapshot-row';

interface SourceDiskProps {
  readonly regionId: string;
  readonly row: SnapshotRow;
  /** The region's disks by ID; `undefined` while they load (the disk is then linked anyway). */
  readonly disksById: ReadonlyMap<string, DiskSummary> | undefined;
}

/**
 * The disk a snapshot was taken of: linked to its page while it exists (with its name), marked
 * deleted once it does not; under it, its type and its size when the snapshot was taken.
 */
export function SourceDisk({ regionId, row, disksById }: SourceDiskProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!row.sourceDiskId) return <>-</>;
  const disk = disksById?.get(row.sourceDiskId);
  const gone = disksById !== undefined && !disk;
  const type =
    row.sourceDiskType === 'system' || row.sourceDiskType === 'data'
      ? t(`diskType.${row.sourceDiskType}`)
      : row.sourceDiskType || '-';
  const size = row.sourceDiskSizeGiB === undefined ? '-' : formatGiB(row.sourceDiskSizeGiB, locale);
  return (
    <Box>
      {gone ? (
        <span title={t('snapshots.sourceDisk.goneTitle')}>
          {row.sourceDiskId}{' '}
          <Box variant="small" color="text-status-inactive" display="inline">
            ({t('snapshots.sourceDisk.gone')})
          </Box>
        </span>
      ) : (
        <InternalLink href={diskPath(regionId, row.sourceDiskId)}>{row.sourceDiskId}</InternalLink>
      )}
      {disk?.DiskName && (
        <Box variant="small" display="block">
          {disk.DiskName}
        </Box>
      )}
      <Box variant="small" display="block" color="text-body-secondary">
        {t('snapshots.sourceDisk.detail', { type, size })}
      </Box>
    </Box>
  );
}
