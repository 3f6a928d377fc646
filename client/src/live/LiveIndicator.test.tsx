import { describe, expect, it } from 'vitest';
import { render, screen } from '../test/render';
import { LiveIndicator } from './LiveIndicator';
import { type LiveState, liveStateOf } from './state';

describe('LiveIndicator', () => {
  it.each([
    ['connecting', 'Live: connecting', 'Connecting'],
    ['live', 'Live: connected', 'Live'],
    ['reconnecting', 'Live: reconnecting', 'Reconnecting'],
    ['offline', 'Live: offline', 'Offline'],
  ] as const)('renders %s', (state: LiveState, aria, label) => {
    render(<LiveIndicator state={state} />);
    const status = screen.getByRole('status', { name: aria });
    expect(status.getAttribute('data-state')).toBe(state);
    expect(status.textContent).toBe(label);
  });
});

describe('liveStateOf', () => {
  it('maps subscription status to what we show', () => {
    expect(liveStateOf('connecting', { wasLive: false, online: true })).toBe('connecting');
    expect(liveStateOf('pending', { wasLive: false, online: true })).toBe('live');
    expect(liveStateOf('connecting', { wasLive: true, online: true })).toBe('reconnecting');
    expect(liveStateOf('error', { wasLive: true, online: true })).toBe('reconnecting');
    expect(liveStateOf('error', { wasLive: false, online: true })).toBe('offline');
    expect(liveStateOf('idle', { wasLive: false, online: true })).toBe('offline');
    expect(liveStateOf('idle', { wasLive: true, online: true })).toBe('reconnecting');
    expect(liveStateOf('pending', { wasLive: true, online: false })).toBe('offline');
  });
});
