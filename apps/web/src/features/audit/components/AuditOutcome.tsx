import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome as Outcome } from '@ecs-console/contract';

/** `unknown`: ECS may or may not have applied the change (its answer was lost). */
const OUTCOME_INDICATOR = { success: 'success', failure: 'error', unknown: 'warning' } as const;

export function AuditOutcome({ outcome }: { readonly outcome: Outcome }) {
  const { t } = useTranslation();
  return <StatusIndicator type={OUTCOME_INDICATOR[outcome]}>{t(`audit.outcomes.${outcome}`)}</StatusIndicator>;
}
