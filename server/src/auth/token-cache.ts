import type { TRole } from '@tobeout/shared';

/** What an API token resolves to. */
export type TokenPrincipal = {
  kind: 'token';
  tokenId: string;
  tokenName: string;
  restaurantId: string;
  role: TRole;
};

export type TokenEntry = { principal: TokenPrincipal; loadedAt: number; lastUsedAt: number };

/**
 * Valid API tokens by hash, so that a script or an agent calling in a loop does not read its
 * token on every call (that lookup was the only database round trip of a cached
 * availability.check). Revoking forgets the token at once in this process (see revokeToken);
 * other processes keep using what they read for at most `ttlMs` (2 s) — the documented bound on
 * how long a revoked token can still work there. Invalid tokens are never cached.
 */
export class TokenCache {
  private readonly byHash = new Map<string, TokenEntry>();

  constructor(
    private readonly ttlMs = 2_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(hash: string): TokenEntry | undefined {
    const entry = this.byHash.get(hash);
    if (entry && performance.now() - entry.loadedAt > this.ttlMs) {
      this.byHash.delete(hash);
      return undefined;
    }
    return entry;
  }

  set(hash: string, entry: TokenEntry): TokenEntry {
    if (this.byHash.size >= this.maxEntries) {
      const oldest = this.byHash.keys().next().value;
      if (oldest !== undefined) this.byHash.delete(oldest);
    }
    this.byHash.set(hash, entry);
    return entry;
  }

  /** Forgets a token (revoked) wherever it is cached in this process. */
  forget(tokenId: string): void {
    for (const [hash, entry] of this.byHash)
      if (entry.principal.tokenId === tokenId) this.byHash.delete(hash);
  }
}
