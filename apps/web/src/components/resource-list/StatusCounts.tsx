import type { ReactNode } from 'react';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import styles from './resource-list.module.css';

interface StatusCountsProps<S extends string> {
  /** In the order they are shown. */
  readonly statuses: readonly S[];
  readonly counts: Readonly<Record<S, number>>;
  /** The status's indicator (icon, colour and name). */
  readonly indicator: (status: S) => ReactNode;
}

/** How many items are in each status, for a list's header; statuses with none are left out. */
export function StatusCounts<S extends string>({ statuses, counts, indicator }: StatusCountsProps<S>) {
  const locale = useLocale();
  return (
    <span className={styles['inline-group-tight']}>
      {statuses
        .filter((status) => counts[status] > 0)
        .map((status) => (
          <span key={status}>
            {indicator(status)} {formatCount(counts[status], locale)}
          </span>
        ))}
    </span>
  );
}
