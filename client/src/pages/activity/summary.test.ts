import { describe, expect, it } from 'vitest';
import { formatDay } from '../../lib/format';
import { formatLocalRange } from '../../lib/local-time';
import { activityLink, type SummaryEvent, summarize } from './summary';

const ev = (
  type: string,
  payload: Record<string, unknown>,
  entityId: string | null = 'x1',
): SummaryEvent => ({
  type,
  entityId,
  payload,
});

describe('summarize', () => {
  it('says who, how many, when and where for a new booking', () => {
    expect(
      summarize(
        ev('booking.created', {
          code: 'ABC123',
          guestName: 'Anna',
          partySize: 4,
          date: '2026-11-21',
          time: '20:30',
          tables: ['Table 4'],
          status: 'confirmed',
          source: 'staff',
        }),
      ),
    ).toBe(`Anna ×4 · ${formatDay('2026-11-21')} 20:30 · Table 4`);
    // Joined tables; a walk-in without a known guest name.
    expect(summarize(ev('booking.created', { partySize: 2, time: '18:00', tables: ['T1', 'T2'] }))).toBe(
      '×2 · 18:00 · T1 + T2',
    );
  });

  it('lists what changed on a booking, old → new', () => {
    expect(
      summarize(
        ev('booking.moved', {
          code: 'ABC123',
          guestName: 'Anna',
          changes: {
            tables: { from: ['T1'], to: ['T2', 'T3'] },
            time: { from: '20:00', to: '20:30' },
            durationMin: { from: 90, to: 120 },
          },
        }),
      ),
    ).toBe('Anna · 20:00 → 20:30 · tables T1 → T2 + T3 · duration 1 h 30 min → 2 h');
    expect(
      summarize(
        ev('booking.updated', {
          guestName: 'Ben',
          changes: {
            date: { from: '2026-11-21', to: '2026-11-22' },
            partySize: { from: 2, to: 4 },
            specialRequests: { from: null, to: 'A birthday cake with candles and a long message on it' },
          },
        }),
      ),
    ).toBe(
      `Ben · ${formatDay('2026-11-21')} → ${formatDay('2026-11-22')} · party 2 → 4 · requests “A birthday cake with candles and a long…”`,
    );
  });

  it('names statuses as the app does, and the reason for a cancellation', () => {
    expect(
      summarize(ev('booking.statusChanged', { guestName: 'Anna', from: 'confirmed', to: 'no_show' })),
    ).toBe('Anna · Confirmed → No-show');
    expect(
      summarize(
        ev('booking.canceled', {
          guestName: 'Anna',
          from: 'confirmed',
          to: 'canceled',
          reason: 'Flight delayed',
        }),
      ),
    ).toBe('Anna · “Flight delayed”');
    expect(summarize(ev('booking.canceled', { guestName: 'Anna' }))).toBe('Anna');
  });

  it('names guests and what changed on them (notes only as changed)', () => {
    expect(summarize(ev('guest.created', { name: 'Chloé Martin' }))).toBe('Chloé Martin');
    expect(
      summarize(
        ev('guest.updated', {
          name: 'Anna',
          changes: {
            notes: { from: 'x', to: 'A very long private note' },
            tags: { from: ['VIP'], to: ['VIP', 'window'] },
            email: { from: null, to: 'anna@example.com' },
          },
        }),
      ),
    ).toBe('Anna · email — → anna@example.com · tags VIP → VIP, window · notes changed');
    expect(summarize(ev('guest.merged', { name: 'Anna', mergedName: 'Anna S.', bookingsMoved: 2 }))).toBe(
      'Anna S. merged into Anna · 2 bookings moved',
    );
    expect(summarize(ev('guests.imported', { created: 12, updated: 0, errors: 1 }, null))).toBe(
      '12 added · 0 updated · 1 row skipped',
    );
  });

  it('names tables, with one "position changed" for a drag', () => {
    expect(summarize(ev('table.created', { name: 'T5', maxGuests: 4 }))).toBe('T5 · up to 4 guests');
    expect(
      summarize(
        ev('table.updated', {
          name: 'Table 4',
          changes: {
            x: { from: 10, to: 20 },
            y: { from: 10, to: 30 },
            name: { from: 'T4', to: 'Table 4' },
            bookableOnline: { from: true, to: false },
          },
        }),
      ),
    ).toBe('Table 4 · name T4 → Table 4 · position changed · online booking yes → no');
    expect(summarize(ev('table.deactivated', { name: 'T2' }))).toBe('T2');
    // Servers before May 2026 called the changes `diff`.
    expect(summarize(ev('table.updated', { name: 'T4', diff: { section: { from: null, to: 'Bar' } } }))).toBe(
      'T4 · section — → Bar',
    );
    expect(summarize(ev('tables.sectionRenamed', { from: 'Window', to: 'Terrace', tables: 3 }, null))).toBe(
      'Window → Terrace · 3 tables',
    );
    expect(summarize(ev('tables.moved', { tables: ['T1', 'T2'], positions: [{}, {}] }, null))).toBe(
      'T1 + T2 moved',
    );
    expect(summarize(ev('tables.moved', { positions: [{}, {}, {}] }, null))).toBe('3 tables moved');
    expect(summarize(ev('tables.reordered', { ids: ['a', 'b'], tables: ['T1', 'T2'] }, null))).toBe(
      '2 tables',
    );
    expect(
      summarize(ev('combination.updated', { name: 'T2 + T3', changes: { maxGuests: { from: 6, to: 8 } } })),
    ).toBe('T2 + T3 · max guests 6 → 8');
    expect(summarize(ev('table.unblocked', { tableIds: ['a', 'b'] }))).toBe('2 tables');
    expect(
      summarize(
        ev('table.blocked', {
          tables: ['T1'],
          from: '2026-11-21T18:00',
          to: '2026-11-21T20:00',
          reason: 'Private party',
        }),
      ),
    ).toBe(`T1 · ${formatLocalRange('2026-11-21T18:00', '2026-11-21T20:00')} · “Private party”`);
  });

  it('says which settings changed, and who for member events', () => {
    expect(
      summarize(
        ev('restaurant.updated', {
          changes: { slotIntervalMin: { from: 15, to: 30 }, timezone: { from: 'a', to: 'b' }, fancyNew: {} },
        }),
      ),
    ).toBe('Changed: slot interval, time zone, fancy new');
    expect(summarize(ev('hours.set', { services: 2 }))).toBe('2 services');
    expect(summarize(ev('specialDay.set', { closed: true }, '2026-12-24'))).toBe(
      `${formatDay('2026-12-24')} · closed`,
    );
    expect(
      summarize(ev('member.roleChanged', { from: 'staff', to: 'manager' }, 'u2'), {
        memberName: (id) => (id === 'u2' ? 'Ben' : undefined),
      }),
    ).toBe('Ben · staff → manager');
    expect(summarize(ev('member.roleChanged', { from: 'staff', to: 'manager' }, 'gone'))).toBe(
      'staff → manager',
    );
    expect(summarize(ev('token.created', { name: 'Website', role: 'staff' }))).toBe('Website · staff');
  });

  it('says nothing it cannot read (unknown types, missing or odd payloads)', () => {
    expect(summarize(ev('booking.created', {}))).toBe('');
    expect(summarize(ev('booking.updated', { changes: 'nonsense' }))).toBe('');
    expect(summarize(ev('hold.released', {}))).toBe('');
    expect(summarize(ev('restaurant.updated', { changes: {} }))).toBe('');
    expect(summarize(ev('something.new', { name: 'X' }))).toBe('');
    expect(summarize({ type: 'guest.created', entityId: null, payload: null as never })).toBe('');
  });
});

describe('activityLink', () => {
  it('opens bookings in the drawer, guests on their profile, tables on the floor', () => {
    expect(activityLink({ entity: 'booking', entityId: 'b1' })).toEqual({
      kind: 'booking',
      bookingId: 'b1',
      label: 'Open booking',
    });
    expect(activityLink({ entity: 'guest', entityId: 'g1' })).toMatchObject({
      kind: 'page',
      to: '/guests/g1',
    });
    expect(activityLink({ entity: 'guest', entityId: null })).toMatchObject({ to: '/guests' });
    expect(activityLink({ entity: 'table', entityId: 't1' })).toMatchObject({ to: '/floor' });
    expect(activityLink({ entity: 'block', entityId: 'k1' })).toMatchObject({ to: '/floor' });
    expect(activityLink({ entity: 'hours', entityId: 'r1' })).toMatchObject({ to: '/settings/hours' });
    expect(activityLink({ entity: 'hold', entityId: 'h1' })).toBeNull();
    expect(activityLink({ entity: 'booking', entityId: null })).toBeNull();
  });
});
