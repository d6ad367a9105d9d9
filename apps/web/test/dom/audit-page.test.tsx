import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError } from './fetch-stub';
import { auditEntry, currentAddress, numberedEntries, queryOf, renderAuditAt } from './audit-support';

// Local times are pinned to one zone so the table reads the same on every machine.
const originalZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = originalZone;
});

const listRequests = (api: { to: (key: string) => { path: string }[] }) =>
  api.to('GET /api/audit').map((request) => queryOf(request as never));

describe('audit page: filters', () => {
  it('sends the filters of the address and shows them in the fields', async () => {
    const { api } = renderAuditAt('/audit?user=bob&action=ChangeRole&outcome=failure&range=24h', () => ({
      entries: [auditEntry({ user: 'bob', action: 'ChangeRole(admin)', outcome: 'failure' })],
    }));
    await screen.findByText('ChangeRole(admin)');
    const [query] = listRequests(api);
    expect(query).toMatchObject({ user: 'bob', action: 'ChangeRole', outcome: 'failure', limit: '50' });
    // The last 24 hours, resolved when the page was fetched, sent with its zone.
    expect(query?.from).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.now() - Date.parse(query?.from ?? '')).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
    expect(screen.getByRole('combobox', { name: 'User' })).toHaveValue('bob');
    expect(screen.getByRole('combobox', { name: 'Action' })).toHaveValue('ChangeRole');
  });

  it('shows the code by default and keeps the RequestId and source IP for the detail, to fit 1440 pixels', async () => {
    renderAuditAt('/audit', () => ({ entries: [auditEntry()] }));
    await screen.findByText('i-web1');
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Time', 'User', 'Action', 'Resources', 'Outcome', 'Code']));
    expect(headers).not.toContain('RequestId');
    expect(headers).not.toContain('Source IP');
    expect(screen.queryByText('ECS-1')).not.toBeInTheDocument();
  });

  it('puts a chosen filter into the request and the address', async () => {
    const { api, user } = renderAuditAt('/audit', () => ({ entries: [auditEntry()] }));
    await screen.findByText('i-web1');

    await user.click(screen.getByRole('button', { name: /^Outcome/ }));
    await user.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() => expect(currentAddress().searchParams.get('outcome')).toBe('failure'));
    await waitFor(() => expect(listRequests(api).at(-1)).toMatchObject({ outcome: 'failure' }));

    await user.type(screen.getByRole('combobox', { name: 'User' }), 'alice{Enter}');
    await waitFor(() => expect(listRequests(api).at(-1)).toMatchObject({ outcome: 'failure', user: 'alice' }));
    expect(currentAddress().searchParams.get('user')).toBe('alice');

    await user.type(screen.getByRole('combobox', { name: 'Action' }), 'StopInstance{Enter}');
    await waitFor(() => expect(listRequests(api).at(-1)).toMatchObject({ action: 'StopInstance', user: 'alice' }));
  });

  it('says when no entry matches and clears the filters', async () => {
    const { api, user } = renderAuditAt('/audit?user=nobody&event=login', (query) => ({
      entries: query.user ? [] : [auditEntry()],
    }));
    expect(await screen.findByText('No entries match these filters')).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clear[clear.length - 1]!);
    await screen.findByText('i-web1');
    expect(currentAddress().search).toBe('');
    expect(listRequests(api).at(-1)).toEqual({ limit: '50' });
    expect(screen.getByRole('combobox', { name: 'User' })).toHaveValue('');
  });

  it('shows an empty log as such', async () => {
    renderAuditAt('/audit', () => ({ entries: [] }));
    expect(await screen.findByText('Nothing has been recorded yet.')).toBeInTheDocument();
  });
});

describe('audit page: pages', () => {
  it('pages with the cursors and brings earlier pages back from the cache', async () => {
    localStorage.setItem('ecs-console:root:audit-table', JSON.stringify({ pageSize: 25 }));
    const { api, user } = renderAuditAt('/audit?outcome=success', (query) => {
      if (!query.cursor) return { entries: numberedEntries(25, 60), nextCursor: 'after-36' };
      if (query.cursor === 'after-36') return { entries: numberedEntries(25, 35), nextCursor: 'after-11' };
      return { entries: numberedEntries(10, 10) };
    });
    await screen.findByText('i-web60');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('(25+)');

    await user.click(screen.getByRole('button', { name: /next page/i }));
    await screen.findByText('i-web35');
    expect(listRequests(api).at(-1)).toEqual({ outcome: 'success', limit: '25', cursor: 'after-36' });
    await user.click(screen.getByRole('button', { name: /next page/i }));
    await screen.findByText('i-web10');
    expect(listRequests(api).at(-1)).toEqual({ outcome: 'success', limit: '25', cursor: 'after-11' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('(60)');
    expect(screen.getByRole('button', { name: /next page/i })).toHaveAttribute('aria-disabled', 'true');

    const sent = api.to('GET /api/audit').length;
    await user.click(screen.getByRole('button', { name: /previous page/i }));
    await screen.findByText('i-web35');
    await user.click(screen.getByRole('button', { name: 'Page 1 of all pages' }));
    await screen.findByText('i-web60');
    expect(api.to('GET /api/audit')).toHaveLength(sent);
  });

  it('starts again at page 1 for a new filter', async () => {
    const { api, user } = renderAuditAt('/audit', (query) =>
      query.cursor ? { entries: numberedEntries(5, 5) } : { entries: numberedEntries(50, 100), nextCursor: 'c2' },
    );
    await screen.findByText('i-web100');
    await user.click(screen.getByRole('button', { name: /next page/i }));
    await screen.findByText('i-web5');
    await user.click(screen.getByRole('button', { name: /^Event/ }));
    await user.click(await screen.findByRole('option', { name: 'Sign-in' }));
    await waitFor(() => expect(listRequests(api).at(-1)).toEqual({ event: 'login', limit: '50' }));
    await screen.findByText('i-web100');
  });
});

describe('audit page: entries', () => {
  it('shows times to the millisecond with the zone, or in UTC by preference', async () => {
    renderAuditAt('/audit', () => ({ entries: [auditEntry({ time: '2026-12-01T01:42:07.123Z' })] }));
    expect(await screen.findByText('2026-12-01 09:42:07.123 UTC+08:00')).toBeInTheDocument();
    localStorage.setItem('ecs-console:root:audit-table', JSON.stringify({ timeZone: 'utc' }));
    window.dispatchEvent(new StorageEvent('storage'));
    expect(await screen.findByText('2026-12-01 01:42:07.123 UTC')).toBeInTheDocument();
  });

  it('links resources by kind and never cuts the code', async () => {
    renderAuditAt('/audit', () => ({
      entries: [
        auditEntry({
          resourceIds: ['i-web1', 'd-data1', 'alice'],
          outcome: 'failure',
          code: 'IncorrectInstanceStatus.Initializing',
        }),
      ],
    }));
    expect(await screen.findByRole('link', { name: 'i-web1' })).toHaveAttribute(
      'href',
      '/instances/cn-hangzhou/i-web1',
    );
    expect(screen.getByRole('link', { name: 'd-data1' })).toHaveAttribute('href', '/disks/cn-hangzhou/d-data1');
    expect(screen.queryByRole('link', { name: 'alice' })).not.toBeInTheDocument();
    expect(screen.getByText('IncorrectInstanceStatus.Initializing')).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
  });

  it('downloads the CSV of every entry the filters match', async () => {
    renderAuditAt('/audit?user=bob&outcome=failure&from=2026-11-01T00:00:00.000Z', () => ({ entries: [] }));
    await screen.findByText('No entries match these filters');
    const link = screen.getByRole('link', { name: /Download CSV/ });
    const href = new URL(link.getAttribute('href') ?? '', 'http://console.test');
    expect(href.pathname).toBe('/api/audit/export');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      user: 'bob',
      outcome: 'failure',
      from: '2026-11-01T00:00:00.000Z',
    });
    expect(link).toHaveAttribute('download');
    expect(screen.getAllByText(/every entry that matches the filters, not only this page/).length).toBeGreaterThan(0);
  });

  it('shows the code, message and RequestId of a failed load, and retries', async () => {
    let fail = true;
    const { user } = renderAuditAt('/audit', () =>
      fail
        ? apiError(503, 'StorageUnavailable', 'The console database cannot be reached.', 'REQ-DB-9')
        : { entries: [auditEntry()] },
    );
    expect(await screen.findByText('The audit log could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('StorageUnavailable')).toBeInTheDocument();
    expect(screen.getByText('The console database cannot be reached.')).toBeInTheDocument();
    expect(screen.getAllByText('REQ-DB-9').length).toBeGreaterThan(0);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('i-web1');
  });
});

describe('audit page: detail', () => {
  it('opens an entry with its message, parameters (secrets redacted) and RequestId', async () => {
    const { user } = renderAuditAt('/audit?user=root', () => ({
      entries: [
        auditEntry({
          id: '77',
          time: '2026-12-01T01:42:07.123Z',
          action: 'ModifyInstanceVncPasswd',
          outcome: 'failure',
          code: 'InvalidVncPassword.Malformed',
          message: 'The specified VNC password is malformed.',
          requestId: 'ECS-77',
          params: { InstanceId: 'i-web1', VncPassword: '[REDACTED]', Tags: [{ Key: 'env', Value: 'prod' }] },
        }),
      ],
    }));
    await user.click(await screen.findByRole('link', { name: '2026-12-01 09:42:07.123 UTC+08:00' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Audit entry 77')).toBeInTheDocument();
    expect(within(dialog).getByText('The specified VNC password is malformed.')).toBeInTheDocument();
    expect(within(dialog).getByText('InvalidVncPassword.Malformed')).toBeInTheDocument();
    expect(within(dialog).getByText('ECS-77')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy ECS-77' })).toBeInTheDocument();
    expect(within(dialog).getByText('2026-12-01 01:42:07.123 UTC')).toBeInTheDocument();
    const params = within(dialog).getByRole('table', { name: 'Parameters' });
    expect(within(params).getByText('VncPassword')).toBeInTheDocument();
    expect(within(params).getByText('Redacted: secrets are never recorded')).toBeInTheDocument();
    expect(within(params).getByText(/"Key": "env"/)).toBeInTheDocument();
    expect(currentAddress().searchParams.get('entry')).toBe('77');
    expect(currentAddress().searchParams.get('user')).toBe('root');

    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(currentAddress().searchParams.get('entry')).toBeNull();
  });

  it('fetches a linked entry that is not on the page', async () => {
    const { api } = renderAuditAt('/audit?entry=5', () => ({ entries: [auditEntry({ id: '900' })] }), {
      'GET /api/audit/5': Response.json(auditEntry({ id: '5', requestId: 'ECS-OLD-5', message: 'From long ago' })),
    });
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('From long ago')).toBeInTheDocument();
    expect(within(dialog).getByText('ECS-OLD-5')).toBeInTheDocument();
    expect(api.to('GET /api/audit/5')).toHaveLength(1);
  });

  it('says when a linked entry does not exist', async () => {
    renderAuditAt('/audit?entry=404', () => ({ entries: [] }), {
      'GET /api/audit/404': apiError(404, 'NotFound', 'No audit entry 404.', 'REQ-NF'),
    });
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('No audit entry 404.')).toBeInTheDocument();
    expect(within(dialog).getByText('NotFound')).toBeInTheDocument();
  });
});
