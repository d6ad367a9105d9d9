import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

interface TableEmptyStateProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly action?: ReactNode;
}

/** What a table shows with no rows: why, and what to do about it. */
export function TableEmptyState({ title, subtitle, action }: TableEmptyStateProps) {
  return (
    <Box textAlign="center" color="inherit">
      <SpaceBetween size="xxs">
        <Box variant="strong" color="inherit">
          {title}
        </Box>
        {subtitle && (
          <Box variant="p" color="inherit">
            {subtitle}
          </Box>
        )}
        {action}
      </SpaceBetween>
    </Box>
  );
}
