import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNotifications } from '@/components/notifications';
import { useReportBatch, type BatchTexts, type ItemResult } from '@/components/action-results';
import { ApiError } from '@/lib/api-client';
import { renderInConsole } from './render';

const texts: BatchTexts = {
  running: 'Starting 3 instances…',
  succeededCount: (count) => `${count} started`,
  succeededOne: (label) => `Start requested for ${label}`,
  failedOne: (label) => `Could not start ${label}`,
};

const expired = new ApiError({
  status: 403,
  code: 'InstanceExpired',
  message: 'The instance has expired.',
  requestId: 'REQ-EXPIRED',
});
const lost = new ApiError({ status: 504, code: 'OutcomeUnknown', message: 'No answer.', requestId: 'REQ-LOST' });
/**
 * Cloudscape's Flashbar keeps a dismissed message on screen while it fades out, on timers that
 * each render starts anew: run them out a step at a time.
 */
function finishAnimations() {
  for (let step = 0; step < 5; step++)
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
}
const ok = (id: string, requestId: string): ItemResult => ({ id, label: id, ok: true, requestId });

/** Buttons that post one message of each kind, and report a batch. */
function Poster({ results }: { readonly results?: readonly ItemResult[] }) {
  const { notify } = useNotifications();
  const reporter = useReportBatch();
  return (
    <>
      <button onClick={() => notify({ type: 'success', header: 'It worked' })}>success</button>
      <button onClick={() => notify({ type: 'error', header: 'It broke' })}>error</button>
      <button onClick={() => notify({ type: 'warning', header: 'Be careful' })}>warning</button>
      <button onClick={() => notify({ id: 'job', type: 'in-progress', header: 'Working…' })}>start job</button>
      <button onClick={() => notify({ id: 'job', type: 'success', header: 'Job done' })}>finish job</button>
      <button onClick={() => results && reporter.report(texts, results)}>report</button>
    </>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('notifications', () => {
  it('keeps a success in view as time passes, until it is dismissed', () => {
    vi.useFakeTimers();
    renderInConsole(<Poster />);
    fireEvent.click(screen.getByRole('button', { name: 'success' }));
    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    finishAnimations();
    expect(screen.getByText('It worked')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    finishAnimations();
    expect(screen.queryByText('It worked')).not.toBeInTheDocument();
  });

  it('moves focus to a new error, which stays with the success before it', () => {
    vi.useFakeTimers();
    renderInConsole(<Poster />);
    fireEvent.click(screen.getByRole('button', { name: 'success' }));
    fireEvent.click(screen.getByRole('button', { name: 'error' }));
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    const error = screen.getByText('It broke').closest('[class*="awsui_flash_"]');
    expect(error?.contains(document.activeElement)).toBe(true);

    act(() => {
      vi.advanceTimersByTime(10 * 60_000);
    });
    finishAnimations();
    expect(screen.getByText('It broke')).toBeInTheDocument();
    expect(screen.getByText('It worked')).toBeInTheDocument();
  });

  it('replaces an in-progress message by its result, which comes to the top', () => {
    vi.useFakeTimers();
    renderInConsole(<Poster />);
    fireEvent.click(screen.getByRole('button', { name: 'start job' }));
    fireEvent.click(screen.getByRole('button', { name: 'warning' }));
    fireEvent.click(screen.getByRole('button', { name: 'finish job' }));
    finishAnimations();
    expect(screen.queryByText('Working…')).not.toBeInTheDocument();
    const headers = screen.getAllByText(/^(Job done|Be careful)$/);
    expect(headers.map((header) => header.textContent)).toEqual(['Job done', 'Be careful']);
  });

  it('stacks more than three notifications into one bar that counts them, newest on top', () => {
    vi.useFakeTimers();
    renderInConsole(<Poster />);
    for (const name of ['success', 'success', 'warning']) fireEvent.click(screen.getByRole('button', { name }));
    finishAnimations();
    expect(screen.getAllByText('It worked')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'All notifications' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'error' }));
    finishAnimations();
    expect(screen.getByText('It broke')).toBeInTheDocument();
    expect(screen.queryByText('It worked')).not.toBeInTheDocument();
    const bar = screen.getByRole('button', { name: 'All notifications' });
    expect(bar).toHaveAttribute('aria-expanded', 'false');
    // The bar counts the stacked notifications by type.
    const counts = document.getElementById(bar.getAttribute('aria-describedby') ?? '');
    const countByType = new Map(
      [...(counts?.querySelectorAll('[title]') ?? [])].map((type) => [
        type.getAttribute('title'),
        type.nextElementSibling?.textContent,
      ]),
    );
    expect([countByType.get('Error'), countByType.get('Warning'), countByType.get('Success')]).toEqual(['1', '1', '2']);
  });

  it('announces errors as alerts and the rest as status messages', () => {
    renderInConsole(<Poster />);
    fireEvent.click(screen.getByRole('button', { name: 'error' }));
    fireEvent.click(screen.getByRole('button', { name: 'warning' }));
    expect(screen.getByText('It broke').closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByText('Be careful').closest('[role="status"]')).not.toBeNull();
  });
});

describe('batch report', () => {
  it('sums a batch up in one message, with each item on demand', async () => {
    const results: ItemResult[] = [
      ok('i-1', 'REQ-1'),
      { id: 'i-2', label: 'i-2 (db)', ok: false, error: expired },
      ok('i-3', 'REQ-3'),
      { id: 'i-4', label: 'i-4', ok: false, error: lost },
    ];
    const { user } = renderInConsole(<Poster results={results} />);
    await user.click(screen.getByRole('button', { name: 'report' }));

    const header = await screen.findByText('2 started, 1 failed: InstanceExpired, 1 outcome unknown');
    // A failure makes the whole summary an error: it stays until dismissed.
    expect(header.closest('[class*="awsui_flash_"]')?.className).toMatch(/flash-type-error/);
    // The details wait until asked for.
    const details = screen.getByRole('button', { name: 'Details (4 items)' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    const items = within(screen.getByRole('list', { name: 'Result of each item' })).getAllByRole('listitem');
    // Failures first, then unknown outcomes, then successes.
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^i-2 \(db\): Failed: InstanceExpired The instance has expired\..*REQ-EXPIRED/),
      expect.stringMatching(/^i-4: Outcome unknown: OutcomeUnknown No answer\..*REQ-LOST/),
      expect.stringMatching(/^i-1: Accepted.*REQ-1/),
      expect.stringMatching(/^i-3: Accepted.*REQ-3/),
    ]);
    expect(screen.getByRole('button', { name: 'Copy REQ-EXPIRED' })).toBeInTheDocument();
  });

  it('warns when nothing failed but an outcome is unknown', async () => {
    const { user } = renderInConsole(
      <Poster results={[ok('i-1', 'REQ-1'), { id: 'i-2', label: 'i-2', ok: false, error: lost }]} />,
    );
    await user.click(screen.getByRole('button', { name: 'report' }));
    const header = await screen.findByText('1 started, 1 outcome unknown');
    expect(header.closest('[class*="awsui_flash_"]')?.className).toMatch(/flash-type-warning/);
  });

  it('says a one-item batch in one concise message', async () => {
    const { user } = renderInConsole(<Poster results={[ok('i-9', 'REQ-9')]} />);
    await user.click(screen.getByRole('button', { name: 'report' }));
    expect(await screen.findByText('Start requested for i-9')).toBeInTheDocument();
    expect(screen.getByText('REQ-9')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Details/ })).not.toBeInTheDocument();
  });

  it('sends a 401 among the results to sign in again (the session is read anew)', async () => {
    const unauthenticated = new ApiError({
      status: 401,
      code: 'Unauthenticated',
      message: 'No session.',
      requestId: null,
    });
    const { user, queryClient } = renderInConsole(
      <Poster results={[{ id: 'i-1', label: 'i-1', ok: false, error: unauthenticated }]} />,
    );
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await user.click(screen.getByRole('button', { name: 'report' }));
    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: ['session'] }));
  });
});
