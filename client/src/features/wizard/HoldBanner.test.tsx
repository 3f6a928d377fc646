import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test/render';
import { formatCountdown, HoldBanner } from './HoldBanner';
import { hold, id } from './test-fixtures';

describe('HoldBanner', () => {
  it('formats the time left', () => {
    expect(formatCountdown(299_200)).toBe('5:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('says until when the table is held, in the restaurant’s time', () => {
    const h = { ...hold([id(2)]), expiresAt: new Date(Date.now() + 4 * 60_000 + 30_000) };
    render(
      <HoldBanner hold={h} expired={false} placing={false} label="T2" timeZone="UTC" onRenew={vi.fn()} />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain(`T2 held for you until ${h.expiresAt.toISOString().slice(11, 16)}`);
    expect(screen.getByTestId('hold-countdown').textContent).toMatch(/^4:(29|30)$/);
    expect(status.dataset.hold).toBe('ok');
  });

  it('offers to hold again once the hold has expired', () => {
    const onRenew = vi.fn();
    const h = { ...hold([id(2)]), expiresAt: new Date(Date.now() - 1000) };
    render(<HoldBanner hold={h} expired placing={false} label="T2" timeZone="UTC" onRenew={onRenew} />);
    expect(screen.getByRole('status').textContent).toContain('The hold on T2 has expired');
    fireEvent.click(screen.getByRole('button', { name: 'Hold again' }));
    expect(onRenew).toHaveBeenCalled();
  });
});
