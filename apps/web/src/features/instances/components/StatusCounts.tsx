import { InstanceStatusIndicator } from '@/components/InstanceStatusIndicator';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import styles from './instance-table-header.module.css';
import { INSTANCE_STATUSES, type StatusCounts as Counts } from '../logic/status';

/** How many instances are in each status; statuses with none are left out. */
export function StatusCounts({ counts }: { readonly counts: Counts }) {
  const locale = useLocale();
  return (
    <span className={styles['inline-group-tight']}>
      {INSTANCE_STATUSES.filter((status) => counts[status] > 0).map((status) => (
        <span key={status}>
          <InstanceStatusIndicator status={status} /> {formatCount(counts[status], locale)}
        </span>
      ))}
    </span>
  );
}
