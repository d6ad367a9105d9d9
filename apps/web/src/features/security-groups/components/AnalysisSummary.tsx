import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useTranslation } from 'react-i18next';
import { formatCount } from '@/lib/format';
import { useLocale } from '@/lib/i18n';
import type { Finding } from '../logic/rules';
import { FINDING_KINDS, findingRules, findingSeverity, findingSummaryText, type FindingKind } from './RuleFindings';

interface AnalysisSummaryProps {
  readonly findings: readonly Finding[];
  /** The title, e.g. "Rule analysis" (default). */
  readonly title?: string;
}

function byKind(findings: readonly Finding[]): ReadonlyMap<FindingKind, readonly Finding[]> {
  const groups = new Map<FindingKind, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.kind);
    if (group) group.push(finding);
    else groups.set(finding.kind, [finding]);
  }
  return groups;
}

/**
 * What the rule analysis found, by kind with counts, each finding naming its rules (the rules
 * tables show the same findings on each row); "no findings" is said plainly.
 */
export function AnalysisSummary({ findings, title }: AnalysisSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const groups = byKind(findings);
  const kinds = FINDING_KINDS.filter((kind) => groups.has(kind));
  const heading = title ?? t('securityGroups.analysis.title');

  return (
    <section aria-label={heading}>
      <Container
        header={
          <Header
            variant="h2"
            counter={`(${formatCount(findings.length, locale)})`}
            description={t('securityGroups.analysis.description')}
          >
            {heading}
          </Header>
        }
      >
        {kinds.length === 0 ? (
          <StatusIndicator type="success">{t('securityGroups.analysis.none')}</StatusIndicator>
        ) : (
          <SpaceBetween size="m">
            {kinds.map((kind) => {
              const ofKind = groups.get(kind) ?? [];
              const label = t(`securityGroups.analysis.kinds.${kind}`);
              return (
                <section key={kind} aria-label={label}>
                  <Box variant="h3" padding={{ bottom: 'xxs' }}>
                    {t('securityGroups.analysis.kindCount', {
                      kind: label,
                      number: formatCount(ofKind.length, locale),
                    })}
                  </Box>
                  <SpaceBetween size="xxs">
                    {ofKind.map((finding, index) => {
                      const direction = findingRules(finding)[0]?.direction ?? 'ingress';
                      return (
                        <StatusIndicator key={index} type={findingSeverity(finding)} wrapText>
                          {t(`securityGroups.analysis.direction.${direction}`)}: {findingSummaryText(t, finding)}
                        </StatusIndicator>
                      );
                    })}
                  </SpaceBetween>
                </section>
              );
            })}
          </SpaceBetween>
        )}
      </Container>
    </section>
  );
}
