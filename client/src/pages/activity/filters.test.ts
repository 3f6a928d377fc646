import { describe, expect, it } from 'vitest';
import {
  countFilters,
  fromSearchParams,
  NO_FILTERS,
  toLogInput,
  toSearchParams,
  typeOptions,
  withEntity,
} from './filters';

describe('activity filters', () => {
  it('round-trips through the address and sends only what is set', () => {
    const f = {
      entity: 'booking',
      type: 'booking.moved',
      actorId: 'u1',
      from: '2026-01-01',
      to: '2026-01-31',
    } as const;
    const params = toSearchParams(f);
    expect(params.toString()).toBe(
      'entity=booking&type=booking.moved&actor=u1&from=2026-01-01&to=2026-01-31',
    );
    expect(fromSearchParams(params)).toEqual(f);
    expect(toLogInput(f, 50)).toEqual({ ...f, limit: 50 });
    expect(toLogInput(NO_FILTERS, 50)).toEqual({ limit: 50 });
    expect(countFilters(f)).toBe(4);
    expect(countFilters({ ...NO_FILTERS, to: '2026-01-01' })).toBe(1);
  });

  it('drops what is malformed or contradictory in an address', () => {
    expect(fromSearchParams(new URLSearchParams('entity=nope&type=booking.nope&from=yesterday'))).toEqual(
      NO_FILTERS,
    );
    // A type of another entity; an end before the start.
    expect(
      fromSearchParams(new URLSearchParams('entity=guest&type=booking.moved&from=2026-02-01&to=2026-01-01')),
    ).toEqual({
      ...NO_FILTERS,
      entity: 'guest',
      from: '2026-02-01',
    });
  });

  it('narrows the event types to the chosen entity', () => {
    expect(typeOptions('guest').map((o) => ('value' in o ? o.value : null))).toEqual([
      'guest.created',
      'guest.updated',
      'guest.merged',
      'guests.imported',
    ]);
    const all = typeOptions(null);
    expect(all[0]).toMatchObject({ group: 'Bookings' });
    expect(all.flatMap((g) => ('items' in g ? g.items : [])).length).toBe(33);
    const f = { ...NO_FILTERS, type: 'booking.moved' } as const;
    expect(withEntity(f, 'booking').type).toBe('booking.moved');
    expect(withEntity(f, 'table')).toEqual({ ...NO_FILTERS, entity: 'table' });
    expect(withEntity(f, null).type).toBe('booking.moved');
  });
});
