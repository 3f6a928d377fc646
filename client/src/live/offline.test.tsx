import { Button } from '@mantine/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, renderHook, screen } from '../test/render';
import {
  OFFLINE_GRACE_MS,
  OfflineBanner,
  OfflineContext,
  PausedWhenOffline,
  REFETCH_AFTER_MS,
  useAfterLongOutage,
  useOfflineReason,
} from './offline';
import type { LiveState } from './state';

afterEach(() => vi.useRealTimers());

describe('useOfflineReason', () => {
  const hook = (initial: { state: LiveState; online: boolean; enabled?: boolean }) =>
    renderHook(
      (p: typeof initial) => useOfflineReason(p.state, { online: p.online, enabled: p.enabled ?? true }),
      {
        initialProps: initial,
      },
    );

  it('is offline at once without a network', () => {
    expect(hook({ state: 'offline', online: false }).result.current).toBe('network');
  });

  it('waits a few seconds before a dropped stream pauses changes, and clears when it is back', () => {
    vi.useFakeTimers();
    const { result, rerender } = hook({ state: 'live', online: true });
    expect(result.current).toBeNull();
    rerender({ state: 'reconnecting', online: true });
    act(() => vi.advanceTimersByTime(OFFLINE_GRACE_MS - 100));
    expect(result.current).toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe('stream');
    rerender({ state: 'live', online: true });
    expect(result.current).toBeNull();
  });

  it('ignores a blip shorter than the grace time, and a tab without a restaurant', () => {
    vi.useFakeTimers();
    const { result, rerender } = hook({ state: 'reconnecting', online: true });
    act(() => vi.advanceTimersByTime(1000));
    rerender({ state: 'live', online: true });
    act(() => vi.advanceTimersByTime(OFFLINE_GRACE_MS));
    expect(result.current).toBeNull();
    const none = hook({ state: 'offline', online: true, enabled: false });
    act(() => vi.advanceTimersByTime(OFFLINE_GRACE_MS * 2));
    expect(none.result.current).toBeNull();
  });
});

describe('useAfterLongOutage', () => {
  it('fetches again only when the stream comes back after a long outage', () => {
    vi.useFakeTimers();
    const refetch = vi.fn();
    const { rerender } = renderHook((state: LiveState) => useAfterLongOutage(state, refetch), {
      initialProps: 'live' as LiveState,
    });
    rerender('reconnecting');
    vi.advanceTimersByTime(10_000);
    rerender('live');
    expect(refetch).not.toHaveBeenCalled();
    rerender('offline');
    vi.advanceTimersByTime(REFETCH_AFTER_MS / 2);
    rerender('reconnecting');
    vi.advanceTimersByTime(REFETCH_AFTER_MS / 2 + 1000);
    rerender('live');
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});

describe('OfflineBanner and PausedWhenOffline', () => {
  const ui = (reason: 'network' | 'stream' | null) => (
    <OfflineContext.Provider value={reason}>
      <OfflineBanner />
      <PausedWhenOffline>{(paused) => <Button disabled={paused}>Seat</Button>}</PausedWhenOffline>
    </OfflineContext.Provider>
  );

  it('says changes are paused and disables the action with a tooltip', async () => {
    const { rerender } = render(ui('network'));
    expect(screen.getByRole('alert', { name: 'Offline' }).textContent).toBe(
      'You are offline — changes are paused until the connection is back. Nothing you entered is lost.',
    );
    const seat = screen.getByRole('button', { name: 'Seat' });
    expect(seat.hasAttribute('disabled')).toBe(true);
    fireEvent.mouseEnter(seat.parentElement!);
    expect(await screen.findByText(/Paused while offline: this change cannot be sent/)).toBeTruthy();

    rerender(ui('stream'));
    expect(screen.getByRole('alert', { name: 'Offline' }).textContent).toMatch(/reconnecting/);

    rerender(ui(null));
    expect(screen.queryByRole('alert', { name: 'Offline' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Seat' }).hasAttribute('disabled')).toBe(false);
  });
});
