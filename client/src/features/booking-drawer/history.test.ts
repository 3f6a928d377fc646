import type { TEvent } from '@tobeout/shared';
import { describe, expect, it } from 'vitest';
import { describeEvent } from './history';

const maria = { kind: 'user' as const, id: 'u1', name: 'Maria' };
const event = (type: string, payload: Record<string, unknown>, actor: TEvent['actor'] = maria) => ({
  id: 1,
  type,
  actor,
  payload,
  at: new Date('2026-05-12T16:00:00Z'),
});

describe('describeEvent', () => {
  it('says who moved a booking from when to when', () => {
    const moved = event('booking.moved', {
      code: 'K7P2M9',
      guestName: 'Anna',
      changes: { time: { from: '19:00', to: '20:30' } },
    });
    expect(describeEvent(moved)).toMatchObject({ kind: 'moved', text: 'Moved 19:00 → 20:30 by Maria' });
  });

  it('lists several changes in the order staff read them', () => {
    const line = describeEvent(
      event('booking.updated', {
        changes: {
          partySize: { from: 2, to: 4 },
          tables: { from: ['T1'], to: ['T2', 'T3'] },
          time: { from: '19:00', to: '19:30' },
          durationMin: { from: 90, to: 120 },
        },
      }),
    );
    expect(line.text).toBe(
      'Moved 19:00 → 19:30, tables T1 → T2 + T3, party 2 → 4, duration 1 h 30 min → 2 h by Maria',
    );
    const resized = describeEvent(
      event('booking.moved', { changes: { durationMin: { from: 90, to: 150 } } }),
    );
    expect(resized).toMatchObject({
      kind: 'changed',
      text: 'Changed duration 1 h 30 min → 2 h 30 min by Maria',
    });
    const requests = describeEvent(
      event('booking.updated', { changes: { specialRequests: { from: null, to: 'Window seat, please' } } }),
    );
    expect(requests.text).toBe('Changed requests “Window seat, please” by Maria');
  });

  it('describes creation, status changes and cancellation', () => {
    expect(
      describeEvent(
        event('booking.created', {
          partySize: 4,
          date: '2026-05-12',
          time: '19:00',
          tables: ['T2'],
          source: 'phone',
        }),
      ).text,
    ).toMatch(/^Booked for 4 guests, .*12.* at 19:00, T2 by Maria$/);
    expect(describeEvent(event('booking.statusChanged', { from: 'confirmed', to: 'seated' })).text).toBe(
      'Seated by Maria',
    );
    expect(describeEvent(event('booking.statusChanged', { from: 'confirmed', to: 'no_show' })).text).toBe(
      'Marked as a no-show by Maria',
    );
    expect(
      describeEvent(
        event(
          'booking.canceled',
          { from: 'confirmed', to: 'canceled', reason: 'Guest is ill' },
          {
            kind: 'token',
            id: 't1',
            name: 'Phone agent',
          },
        ),
      ).text,
    ).toBe('Cancelled by Phone agent (API): Guest is ill');
  });
});
