import { describe, expect, it } from 'vitest';
import { TokenCache, type TokenPrincipal } from '../src/auth/token-cache';

const principal = (tokenId: string): TokenPrincipal => ({
  kind: 'token',
  tokenId,
  tokenName: tokenId,
  restaurantId: 'r1',
  role: 'staff',
});
const entry = (tokenId: string) => ({
  principal: principal(tokenId),
  loadedAt: performance.now(),
  lastUsedAt: 0,
});

describe('TokenCache', () => {
  it('serves a token until its time is up, then reads it again', async () => {
    const cache = new TokenCache(50);
    cache.set('h1', entry('t1'));
    expect(cache.get('h1')?.principal.tokenId).toBe('t1');
    await new Promise((r) => setTimeout(r, 80));
    expect(cache.get('h1')).toBeUndefined();
  });

  it('forgets a revoked token at once, and keeps others', () => {
    const cache = new TokenCache();
    cache.set('h1', entry('t1'));
    cache.set('h2', entry('t2'));
    cache.forget('t1');
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h2')?.principal.tokenId).toBe('t2');
  });

  it('holds at most maxEntries tokens, dropping the oldest', () => {
    const cache = new TokenCache(2_000, 2);
    cache.set('h1', entry('t1'));
    cache.set('h2', entry('t2'));
    cache.set('h3', entry('t3'));
    expect(cache.get('h1')).toBeUndefined();
    expect(cache.get('h3')?.principal.tokenId).toBe('t3');
  });
});
