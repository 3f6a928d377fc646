import { describe, expect, it } from 'vitest';
import { formatDay } from '../lib/format';
import { burstMessage, editedWhileMessage, eventMessage, isMine, type LiveEvent } from './messages';

const maria = { kind: 'user', id: 'u2', name: 'Maria' } as const;
const ev = (
  type: string,
  payload: Record<string, unknown>,
  actor: LiveEvent['actor'] = maria,
): LiveEvent => ({
  type,
  entity: type.split('.')[0]!.replace(/s$/, ''),
  entityId: 'x',
  actor,
  payload,
});
const anna = {
  code: 'K7P2M9',
  guestName: 'Anna',
  partySize: 4,
  date: '2026-05-12',
  time: '20:30',
  tables: ['T4'],
};
const today = { today: '2026-05-12' };

describe('eventMessage', () => {
  it.each<[string, LiveEvent, string | null]>([
    [
      'a move in time, after its table',
      ev('booking.moved', { ...anna, changes: { time: { from: '19:00', to: '20:30' } } }),
      'T4: Anna ×4 moved to 20:30 by Maria',
    ],
    [
      'a move to another table and time',
      ev('booking.moved', {
        ...anna,
        tables: ['T3'],
        changes: { time: { from: '19:00', to: '20:30' }, tables: { from: ['T4'], to: ['T3'] } },
      }),
      'Anna ×4 moved to T3 at 20:30 by Maria',
    ],
    [
      'a move to another day',
      ev('booking.moved', {
        ...anna,
        date: '2026-05-13',
        changes: { date: { from: '2026-05-12', to: '2026-05-13' } },
      }),
      `T4: Anna ×4 moved to ${formatDay('2026-05-13')}, 20:30 by Maria`,
    ],
    [
      'a longer booking',
      ev('booking.moved', { ...anna, changes: { durationMin: { from: 90, to: 120 } } }),
      'T4: Anna ×4 changed: duration 1 h 30 min → 2 h by Maria',
    ],
    [
      'an edit of party and requests',
      ev('booking.updated', { ...anna, changes: { partySize: { from: 2, to: 4 } } }),
      'T4: Anna ×4 changed: party 2 → 4 by Maria',
    ],
    [
      'a new booking today',
      ev('booking.created', { ...anna, partySize: 2, time: '19:00', tables: ['T3'] }),
      'Anna ×2 booked for 19:00 at T3 by Maria',
    ],
    [
      'a walk-in',
      ev('booking.created', { ...anna, source: 'walk_in' }, { kind: 'token', id: 't1', name: 'Door bot' }),
      'Anna ×4 seated as a walk-in at T4 by Door bot (API)',
    ],
    [
      'a status change',
      ev('booking.statusChanged', { ...anna, from: 'confirmed', to: 'seated' }),
      'T4: Anna ×4 seated by Maria',
    ],
    [
      'a no-show by the sweep',
      ev('booking.statusChanged', { ...anna, to: 'no_show' }, { kind: 'system', id: null, name: 'system' }),
      'T4: Anna ×4 marked as a no-show automatically',
    ],
    [
      'a cancellation (code only)',
      ev('booking.canceled', { code: 'ABC123' }),
      'Booking ABC123 canceled by Maria',
    ],
    [
      'a cancellation with its reason',
      ev('booking.canceled', { ...anna, reason: 'Guest is ill' }),
      'Booking K7P2M9 (Anna ×4) canceled by Maria: Guest is ill',
    ],
    [
      'a malformed booking payload',
      ev('booking.moved', { guestName: 7, changes: 'x' }),
      'A booking moved by Maria',
    ],
    ['a guest added', ev('guest.created', { name: 'Ben Ortiz' }), 'Guest Ben Ortiz added by Maria'],
    ['a guest changed', ev('guest.updated', { name: 'Ben', changes: {} }), 'Guest Ben changed by Maria'],
    [
      'guests merged',
      ev('guest.merged', { name: 'Ben', mergedName: 'B. Ortiz' }),
      'Guests B. Ortiz and Ben merged by Maria',
    ],
    [
      'an import',
      ev('guests.imported', { created: 500, updated: 3 }),
      '500 guests imported (3 updated) by Maria',
    ],
    ['a table', ev('table.deactivated', { name: 'T9' }), 'Table T9 deactivated by Maria'],
    ['a table without its name', ev('table.updated', {}), 'Table changed by Maria'],
    ['settings', ev('restaurant.updated', { changes: {} }), 'Restaurant settings changed by Maria'],
    ['opening hours', ev('hours.set', { services: 2 }), 'Opening hours changed by Maria'],
    ['a hold', ev('hold.created', {}), null],
    ['an unknown type', ev('mystery.happened', {}), null],
  ])('%s', (_, event, expected) => {
    expect(eventMessage(event, today)).toBe(expected);
  });
});

describe('burstMessage and editedWhileMessage', () => {
  it('counts a burst', () => {
    expect(burstMessage(12, maria)).toBe('12 changes by Maria');
  });

  it('tells the person editing who changed what', () => {
    const moved = ev('booking.moved', { ...anna, changes: { time: { from: '19:00', to: '20:30' } } });
    expect(editedWhileMessage(moved)).toBe('Maria moved this booking to 20:30 while you were editing.');
    const party = ev('booking.updated', { ...anna, changes: { partySize: { from: 2, to: 4 } } });
    expect(editedWhileMessage(party)).toBe('Maria changed this booking: party 2 → 4 while you were editing.');
  });

  it('knows whose change it is', () => {
    expect(isMine(maria, 'u2')).toBe(true);
    expect(isMine(maria, 'u1')).toBe(false);
    expect(isMine({ kind: 'token', id: 'u2', name: 'bot' }, 'u2')).toBe(false);
  });
});
