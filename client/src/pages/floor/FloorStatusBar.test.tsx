import { zonedToInstant } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test/render';
import { FloorStatusBar } from './FloorStatusBar';
import type { Grid } from './status';

const times = ['18:00', '18:15', '18:30', '18:45', '19:00', '19:15', '19:30'];
const grid: Grid = {
  slotIntervalMin: 15,
  slots: times.map((time) => ({ time, startsAt: zonedToInstant('2030-06-14', time, 'UTC'), open: true })),
  tables: [],
  bookings: [],
  blocks: [],
};

function setup(over: Partial<Parameters<typeof FloorStatusBar>[0]> = {}) {
  const props = {
    date: '2030-06-14',
    today: '2030-06-14',
    onDateChange: vi.fn(),
    grid,
    index: 2,
    onIndexChange: vi.fn(),
    followingNow: false,
    onNow: vi.fn(),
    ...over,
  };
  render(<FloorStatusBar {...props} />);
  return props;
}

describe('FloorStatusBar', () => {
  it('moves through the day in 30-minute steps with the keyboard', () => {
    const props = setup();
    const slider = screen.getByRole('slider', { name: 'Time shown' });
    expect(slider.getAttribute('aria-valuetext')).toBe('18:30');
    expect(screen.getByText('18:30')).toBeTruthy();
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(props.onIndexChange).toHaveBeenCalledWith(times.indexOf('19:00'));
  });

  it('changes the day and goes back to now', () => {
    const props = setup({ date: '2030-06-15' });
    fireEvent.click(screen.getByRole('button', { name: 'Next day' }));
    expect(props.onDateChange).toHaveBeenCalledWith('2030-06-16');
    fireEvent.click(screen.getByRole('button', { name: 'Previous day' }));
    expect(props.onDateChange).toHaveBeenCalledWith('2030-06-14');
    fireEvent.click(screen.getByRole('button', { name: 'Today' }));
    expect(props.onDateChange).toHaveBeenCalledWith('2030-06-14');
  });

  it('goes back to now on today', () => {
    const { onNow } = setup({ followingNow: false });
    fireEvent.click(screen.getByRole('button', { name: 'Now' }));
    expect(onNow).toHaveBeenCalled();
  });

  it('says when the restaurant is closed all day', () => {
    setup({ grid: { ...grid, slots: [] }, index: -1 });
    expect(screen.getByText('Closed all day: no service on this date.')).toBeTruthy();
  });
});
