import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Long selections are cut here; the count says how many more there are. */
const SHOWN = 10;

export interface ActionTarget {
  readonly id: string;
  readonly name: string;
  /** Said after the name, e.g. the instance a disk is on. */
  readonly detail?: ReactNode;
}

interface ActionTargetListProps {
  readonly targets: readonly ActionTarget[];
  /** IDs of targets the list does not show right now (another page, or hidden by the filter). */
  readonly notShownIds?: ReadonlySet<string>;
  /** The list's accessible name, e.g. "3 disks to delete". */
  readonly label: string;
  /** "and 5 more disks". */
  readonly moreLabel: (count: number) => string;
}

/**
 * What an action will act on, so nobody confirms without seeing it; targets not shown in the list
 * are said first and listed first, as they are the ones the user may not expect.
 */
export function ActionTargetList({ targets, notShownIds, label, moreLabel }: ActionTargetListProps) {
  const { t } = useTranslation();
  const isHidden = (target: ActionTarget) => notShownIds?.has(target.id) ?? false;
  const hidden = targets.filter(isHidden);
  const ordered = [...hidden, ...targets.filter((target) => !isHidden(target))];
  return (
    <SpaceBetween size="xs">
      {hidden.length > 0 && (
        <Alert type="warning">{t('feedback.notShown.summary', { count: hidden.length, total: targets.length })}</Alert>
      )}
      <Box>
        <ul aria-label={label}>
          {ordered.slice(0, SHOWN).map((target) => (
            <li key={target.id}>
              <Box variant="code">{target.id}</Box> {target.name}
              {target.detail && (
                <Box variant="small" display="inline">
                  {' '}
                  {target.detail}
                </Box>
              )}
              {isHidden(target) && (
                <Box variant="small" color="text-status-warning" display="inline">
                  {' '}
                  {t('feedback.notShown.item')}
                </Box>
              )}
            </li>
          ))}
        </ul>
        {targets.length > SHOWN && <Box variant="small">{moreLabel(targets.length - SHOWN)}</Box>}
      </Box>
    </SpaceBetween>
  );
}
