import type { TTable } from '@tobeout/shared';
import { zonedToInstant } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test/render';
import type { Grid } from './status';
import { TableAtSlot } from './TableHoverCard';

const TZ = 'Europe/Berlin';
const at = (time: string) => zonedToInstant('2030-06-14', time, TZ);
const table: TTable = {
  id: 't4',
  name: 'T4',
  section: 'Main room',
  minGuests: 2,
  maxGuests: 4,
  shape: 'square',
  x: 100,
  y: 100,
  sortOrder: 1,
  notes: null,
  bookableOnline: true,
  active: true,
};
const grid: Grid = {
  slotIntervalMin: 30,
  slots: ['19:00', '19:30', '20:00', '20:30'].map((time) => ({ time, startsAt: at(time), open: true })),
  tables: [
    {
      id: 't4',
      name: 'T4',
      section: 'Main room',
      minGuests: 2,
      maxGuests: 4,
      statuses: ['free', 'occupied', 'occupied', 'free'],
    },
  ],
  bookings: [
    {
      id: 'bk',
      code: 'K7P2M9',
      tableIds: ['t4'],
      guestId: 'g',
      guestName: 'Clara Weber',
      partySize: 3,
      time: '19:30',
      startsAt: at('19:30'),
      endsAt: at('20:30'),
      status: 'seated',
      specialRequests: 'Birthday',
      version: 1,
    },
  ],
  blocks: [],
};

describe('TableAtSlot (hover card)', () => {
  it('shows the booking at the slot: guest, party, time, requests and status', () => {
    render(<TableAtSlot table={table} grid={grid} index={1} timeZone={TZ} onDetails={vi.fn()} />);
    expect(screen.getByText('Clara Weber')).toBeTruthy();
    expect(screen.getByText('3 guests · 19:30–20:30')).toBeTruthy();
    expect(screen.getByText('Birthday')).toBeTruthy();
    expect(screen.getByText('Seated')).toBeTruthy();
    expect(screen.getByText('Occupied at 19:30')).toBeTruthy();
    expect(screen.getByText('Click to open the booking.')).toBeTruthy();
  });

  it('says how long a free table stays free, and leads to its details', () => {
    const onDetails = vi.fn();
    render(<TableAtSlot table={table} grid={grid} index={0} timeZone={TZ} onDetails={onDetails} />);
    expect(screen.getByText('Free until 19:30 (Clara Weber, 3 guests).')).toBeTruthy();
    expect(screen.getByText('Click to book T4 at 19:00.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Table details' }));
    expect(onDetails).toHaveBeenCalled();
  });

  it('says when a table is held by a booking in the making (the grid lists no holds)', () => {
    const held: Grid = { ...grid, bookings: [] };
    render(<TableAtSlot table={table} grid={held} index={1} timeZone={TZ} onDetails={vi.fn()} />);
    expect(screen.getByText('Held for a booking being made right now.')).toBeTruthy();
  });
});
