import { describe, expect, it, vi } from 'vitest';
import type { TrpcUtils } from '../app/trpc';
import { invalidateForEvent, invalidationsFor } from './invalidation';

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
  it.each([
    ['restaurant.updated', 'restaurant', ['restaurant.get', 'auth.me']],
    ['hours.set', 'hours', ['restaurant.hours']],
    ['specialDay.deleted', 'specialDay', ['restaurant.specialDays']],
    ['member.roleChanged', 'member', ['restaurant.members', 'auth.me']],
    ['token.created', 'token', ['restaurant.tokens']],
    ['table.updated', 'table', ['tables']],
    ['tables.moved', 'table', ['tables']],
    ['floor.updated', 'floor', ['tables.list']],
    ['combination.created', 'combination', ['tables.combinations', 'tables.get']],
    ['table.blocked', 'block', ['tables.get', 'tables.blocks', 'tables.history']],
    ['booking.created', 'booking', []],
  ])('%s invalidates %j', async (type, entity, expected) => {
    const { utils, calls } = fakeUtils();
    await invalidateForEvent({ type, entity }, utils);
    expect(calls).toEqual(expected);
  });

  it('falls back to the type prefix when the entity is unknown', () => {
    expect(invalidationsFor({ type: 'token.revoked', entity: 'api_token' })).toHaveLength(1);
  });
});
