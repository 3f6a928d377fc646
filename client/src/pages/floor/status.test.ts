import { zonedToInstant } from '@tobeout/shared';
import { describe, expect, it } from 'vitest';
import {
  blockAt,
  bookingAt,
  defaultSlotIndex,
  type Grid,
  nextBookingAfter,
  scrubSlots,
  scrubStep,
  statusAt,
  statusCounts,
} from './status';

const TZ = 'Europe/Berlin';
const DATE = '2030-06-14';
const at = (time: string) => zonedToInstant(DATE, time, TZ);
// 15-minute slots from 12:00 to 14:45 (lunch until 14:00, then closed).
const times = Array.from(
  { length: 12 },
  (_, i) => `${String(12 + Math.floor(i / 4))}:${String((i % 4) * 15).padStart(2, '0')}`,
);

function grid(): Grid {
  return {
    slotIntervalMin: 15,
    slots: times.map((time) => ({ time, startsAt: at(time), open: time < '14:00' })),
    tables: [
      {
        id: 'a',
        name: 'T1',
        section: null,
        minGuests: 1,
        maxGuests: 2,
        statuses: times.map((t) =>
          t >= '14:00' ? 'closed' : t >= '12:30' && t < '13:30' ? 'reserved' : 'free',
        ),
      },
      {
        id: 'b',
        name: 'T2',
        section: null,
        minGuests: 1,
        maxGuests: 4,
        statuses: times.map((t) => (t >= '14:00' ? 'closed' : 'blocked')),
      },
    ],
    bookings: [
      {
        id: 'b1',
        code: 'AAA111',
        tableIds: ['a'],
        guestId: 'g1',
        guestName: 'Anna',
        partySize: 2,
        time: '12:30',
        startsAt: at('12:30'),
        endsAt: at('13:30'),
        status: 'confirmed',
        specialRequests: null,
        version: 1,
      },
      {
        id: 'b2',
        code: 'BBB222',
        tableIds: ['a'],
        guestId: 'g2',
        guestName: 'Ben',
        partySize: 2,
        time: '13:45',
        startsAt: at('13:45'),
        endsAt: at('14:45'),
        status: 'confirmed',
        specialRequests: null,
        version: 1,
      },
    ],
    blocks: [{ id: 'k1', tableIds: ['b'], startsAt: at('12:00'), endsAt: at('14:00'), reason: 'Wobbly leg' }],
  };
}

describe('floor status', () => {
  it('scrubs in 30-minute steps (or the slot interval when 30 is not a multiple of it)', () => {
    expect(scrubStep(15)).toBe(30);
    expect(scrubStep(10)).toBe(30);
    expect(scrubStep(20)).toBe(20);
    expect(scrubStep(60)).toBe(60);
    expect(scrubSlots(grid()).map((i) => times[i])).toEqual([
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
    ]);
  });

  it('starts at now on today, else at the first open step', () => {
    const g = grid();
    expect(times[defaultSlotIndex(g, at('13:10').getTime())!]).toBe('13:00');
    expect(times[defaultSlotIndex(g, at('09:00').getTime())!]).toBe('12:00');
    expect(times[defaultSlotIndex(g, at('23:00').getTime())!]).toBe('14:30');
    expect(times[defaultSlotIndex(g, null)!]).toBe('12:00');
    expect(defaultSlotIndex({ slotIntervalMin: 15, slots: [] }, null)).toBeNull();
  });

  it('finds what is on a table during a slot', () => {
    const g = grid();
    const i = (t: string) => times.indexOf(t);
    expect(bookingAt(g, 'a', i('13:00'))?.guestName).toBe('Anna');
    expect(bookingAt(g, 'a', i('13:30'))).toBeNull();
    expect(nextBookingAfter(g, 'a', i('13:30'))?.guestName).toBe('Ben');
    expect(blockAt(g, 'b', i('13:00'))?.reason).toBe('Wobbly leg');
    expect(statusAt(g, 'a', i('13:00'))).toBe('reserved');
    expect(statusAt(g, 'zzz', i('13:00'))).toBeUndefined();
    expect(statusCounts(g, i('12:00'))).toEqual({ free: 1, reserved: 0, occupied: 0, blocked: 1, closed: 0 });
    // A day without service: every table is closed.
    expect(statusAt({ ...g, slots: [] }, 'a', -1)).toBe('closed');
  });
});
