import { describe, expect, it, vi } from 'vitest';
import type { TrpcUtils } from '../app/trpc';
import { invalidateForEvents, invalidationsFor } from './invalidation';

function fakeUtils() {
  const calls: string[] = [];
  const proxy = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_, key: string) =>
        key === 'invalidate'
          ? vi.fn(async () => {
              calls.push(path.join('.'));
            })
          : proxy([...path, key]),
    });
  return { utils: proxy([]) as TrpcUtils, calls };
}

describe('live invalidation table', () => {
  const availability = ['availability.grid', 'availability.check', 'availability.range'];
  const guests = ['guests.list', 'guests.get', 'guests.bookings'];
  const guestEvent = [...guests, 'bookings.list', 'bookings.get', 'availability.grid'];
  const bookingEvent = [...availability, 'bookings.list', 'bookings.get', 'tables.history', ...guests];
  // …and every event is a new line in the activity log (events.log).
  it.each([
    ['restaurant.updated', 'restaurant', ['restaurant.get', 'auth.me', ...availability]],
    ['hours.set', 'hours', ['restaurant.hours', ...availability]],
    ['specialDay.deleted', 'specialDay', ['restaurant.specialDays', ...availability]],
    ['member.roleChanged', 'member', ['restaurant.members', 'auth.me']],
    ['token.created', 'token', ['restaurant.tokens']],
    ['table.updated', 'table', ['tables', ...availability]],
    ['tables.moved', 'table', ['tables', ...availability]],
    ['floor.updated', 'floor', ['tables.list']],
    ['combination.created', 'combination', ['tables.combinations', 'tables.get', ...availability]],
    ['table.blocked', 'block', ['tables.get', 'tables.blocks', 'tables.history', ...availability]],
    ['booking.created', 'booking', bookingEvent],
    ['booking.moved', 'booking', bookingEvent],
    ['booking.canceled', 'booking', bookingEvent],
    ['booking.statusChanged', 'booking', bookingEvent],
    ['guest.created', 'guest', guestEvent],
    ['guest.updated', 'guest', guestEvent],
    ['guest.merged', 'guest', guestEvent],
    ['guests.imported', 'guest', guestEvent],
    ['hold.created', 'hold', availability],
    ['hold.released', 'hold', availability],
  ])('%s invalidates %j', async (type, entity, expected) => {
    const { utils, calls } = fakeUtils();
    await invalidateForEvents([{ type, entity }], utils);
    expect(calls).toEqual([...expected, 'events.log']);
  });

  it('a batch invalidates each query once, whatever touches it several times', async () => {
    const { utils, calls } = fakeUtils();
    await invalidateForEvents(
      [
        { type: 'booking.created', entity: 'booking' },
        { type: 'booking.moved', entity: 'booking' },
        { type: 'hold.created', entity: 'hold' },
        { type: 'guest.updated', entity: 'guest' },
      ],
      utils,
    );
    expect(calls).toEqual([...bookingEvent, 'events.log']);
  });

  it('falls back to the type prefix when the entity is unknown', () => {
    expect(invalidationsFor({ type: 'token.revoked', entity: 'api_token' })).toHaveLength(1);
  });
});
