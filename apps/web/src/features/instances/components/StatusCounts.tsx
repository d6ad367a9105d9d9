import SpaceBetween from '@cloudscape-design/components/space-between';
import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import { INSTANCE_STATUSES, type StatusCounts as Counts } from '../logic/status';

/** How many instances are in each status; statuses with none are left out. */
export function StatusCounts({ counts }: { readonly counts: Counts }) {
  const locale = useLocale();
  return (
    <SpaceBetween direction="horizontal" size="m">
      {INSTANCE_STATUSES.filter((status) => counts[status] > 0).map((status) => (
        <span key={status}>
          <InstanceStatusIndicator status={status} /> {formatCount(counts[status], locale)}
        </span>
      ))}
    </SpaceBetween>
  );
}
