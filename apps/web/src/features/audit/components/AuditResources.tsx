import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { CopyableId } from '@/components/CopyableId';
import { InternalLink } from '@/components/InternalLink';
import { auditResourceHref } from '../logic/audit-resources';

interface AuditResourcesProps {
  readonly resourceIds: readonly string[];
  readonly regionId: string | undefined;
  /** In the detail every ID can be copied; in the table a link is enough. */
  readonly copyable?: boolean;
}

/** An entry's resource IDs, each linking to its console page when its kind has one. */
export function AuditResources({ resourceIds, regionId, copyable = false }: AuditResourcesProps) {
  if (resourceIds.length === 0) return <>-</>;
  return (
    <SpaceBetween size="xxxs">
      {resourceIds.map((id) => {
        const href = auditResourceHref(id, regionId);
        if (copyable) return <CopyableId key={id} id={id} {...(href ? { href } : {})} />;
        // An ID never breaks at its dash.
        return (
          <Box key={id}>
            <span style={{ whiteSpace: 'nowrap' }}>{href ? <InternalLink href={href}>{id}</InternalLink> : id}</span>
          </Box>
        );
      })}
    </SpaceBetween>
  );
}
