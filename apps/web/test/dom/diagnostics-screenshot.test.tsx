import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenshotTab } from '@/features/diagnostics';
import { apiError, stubApi } from './fetch-stub';
import { renderInConsole } from './render';

// Only the clock is fake: the tab's timers run for real and read a time the test moves by hand.
const START = Date.parse('2026-05-01T08:00:00.000Z');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const image = () =>
  new Response(PNG, { headers: { 'content-type': 'image/png', 'x-captured-at': new Date().toISOString() } });

/** Each test its own instance: the limit is kept per instance for the whole page's life. */
const route = (instanceId: string) => `GET /api/instances/cn-hangzhou/${instanceId}/screenshot`;

const refreshButton = () => screen.getByRole('button', { name: 'Refresh' });

const isVisible = (element: HTMLElement) => {
  try {
    expect(element).toBeVisible();
    return true;
  } catch {
    return false;
  }
};

/** The countdown as the page shows it, and as the disabled Refresh button explains itself. */
async function expectCountdown(seconds: number) {
  const text = `Refresh available in ${String(seconds)} s`;
  await waitFor(() => expect(screen.getAllByText(text).filter(isVisible)).toHaveLength(1));
  expect(refreshButton()).toHaveAttribute('aria-disabled', 'true');
  expect(refreshButton()).toHaveAccessibleDescription(text);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('screenshot refresh and the per-instance limit', () => {
  it('disables Refresh with a countdown after a capture, and enables it when ECS allows the next one', async () => {
    const api = stubApi({ [route('i-shot1')]: () => image() });
    const { user } = renderInConsole(<ScreenshotTab regionId="cn-hangzhou" instanceId="i-shot1" status="Running" />);

    await expectCountdown(10);

    vi.setSystemTime(START + 2_500);
    await expectCountdown(8);

    vi.setSystemTime(START + 10_000);
    await waitFor(() => expect(refreshButton()).not.toHaveAttribute('aria-disabled'));
    expect(screen.queryByText(/Refresh available in/)).not.toBeInTheDocument();
    expect(api.to(route('i-shot1'))).toHaveLength(1);

    await user.click(refreshButton());
    await waitFor(() => expect(api.to(route('i-shot1'))).toHaveLength(2));
    await expectCountdown(10);
  });

  it('starts the countdown when ECS answers that it is too soon', async () => {
    stubApi({
      [route('i-shot2')]: () =>
        apiError(
          429,
          'Throttling',
          'Screenshots are limited to one every few seconds per instance; try again shortly.',
        ),
    });
    renderInConsole(<ScreenshotTab regionId="cn-hangzhou" instanceId="i-shot2" status="Running" />);

    expect(await screen.findByText(/Screenshots are limited to one every few seconds/)).toBeVisible();
    await expectCountdown(10);
  });

  it('does not ask again when the tab is reopened before the next screenshot is allowed', async () => {
    const api = stubApi({ [route('i-shot3')]: () => image() });
    const first = renderInConsole(<ScreenshotTab regionId="cn-hangzhou" instanceId="i-shot3" status="Running" />);
    await expectCountdown(10);
    first.unmount();

    vi.setSystemTime(START + 4_000);
    renderInConsole(<ScreenshotTab regionId="cn-hangzhou" instanceId="i-shot3" status="Running" />);
    await expectCountdown(6);
    expect(screen.getByText(/Taking a screenshot in 6 s/)).toBeVisible();
    expect(api.to(route('i-shot3'))).toHaveLength(1);

    // Once allowed, the tab takes its screenshot without being asked.
    vi.setSystemTime(START + 10_000);
    await waitFor(() => expect(api.to(route('i-shot3'))).toHaveLength(2));
  });
});
