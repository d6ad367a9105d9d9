import type { AuditAnswer, AuditEntry } from '@ecs-console/contract';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuditPage } from '@/features/audit';
import { stubApi } from './fetch-stub';
import { renderInConsole } from './render';

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  time: '2026-11-30T10:00:00.000Z',
  user: 'root',
  role: 'admin',
  event: 'action',
  action: 'StopInstance',
  regionId: 'cn-hangzhou',
  resourceIds: ['i-web1'],
  params: {},
  outcome: 'success',
  requestId: 'ECS-1',
  ...overrides,
});

async function renderAudit(answer: AuditAnswer) {
  stubApi({ 'GET /api/audit': Response.json(answer) });
  renderInConsole(<AuditPage />);
  await screen.findByText('ECS-1');
}

describe('audit page', () => {
  it('shows an unknown outcome as such, next to successes and failures', async () => {
    await renderAudit({
      entries: [
        entry({}),
        entry({ outcome: 'failure', code: 'IncorrectInstanceStatus', requestId: 'ECS-2' }),
        entry({ outcome: 'unknown', code: 'OutcomeUnknown', requestId: 'BFF-3' }),
      ],
      skippedLines: 0,
    });
    const row = screen.getByText('BFF-3').closest('tr') as HTMLElement;
    expect(within(row).getByText('Unknown')).toBeInTheDocument();
    expect(within(row).getByText('OutcomeUnknown')).toBeInTheDocument();
    expect(within(screen.getByText('ECS-2').closest('tr') as HTMLElement).getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
  });

  it('says how many lines of the log could not be read', async () => {
    await renderAudit({ entries: [entry({})], skippedLines: 3 });
    expect(screen.getByText('Part of the audit log is unreadable')).toBeInTheDocument();
    expect(screen.getByText('3 lines of the audit log could not be read and are not shown.')).toBeInTheDocument();
  });
});
