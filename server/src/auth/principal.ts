import { apiTokens, type Database } from '@tobeout/db';
import type { TRole } from '@tobeout/shared';
import { eq, sql } from 'drizzle-orm';
import type { Session, User } from 'lucia';
import { preparedRows } from '../domain/write';
import type { AppLucia } from './lucia';
import type { TokenCache, TokenPrincipal } from './token-cache';
import { hashApiToken, looksLikeApiToken } from './tokens';

/** Who is calling: a staff member's session, or an API token (scripts, agents). */
export type Principal = { kind: 'session'; user: User; session: Session } | TokenPrincipal;

export type ResolvedAuth = {
  principal: Principal | null;
  /** Why there is no principal, when the caller tried to authenticate. */
  failure: 'SESSION_EXPIRED' | 'INVALID_TOKEN' | null;
  /** Set-Cookie to send back (a refreshed or a cleared session cookie). */
  setCookie: { cookie: ReturnType<AppLucia['createBlankSessionCookie']> } | null;
};

/**
 * Resolves the caller from an `Authorization: Bearer` token or the session cookie. `tokens`
 * (optional) remembers valid API tokens for a moment (see TokenCache).
 */
export async function resolvePrincipal(
  db: Database,
  lucia: AppLucia,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
  tokens?: TokenCache,
): Promise<ResolvedAuth> {
  const bearer = headers.authorization ? lucia.readBearerToken(headers.authorization) : null;
  if (headers.authorization) {
    if (!bearer || !looksLikeApiToken(bearer))
      return { principal: null, failure: 'INVALID_TOKEN', setCookie: null };
    const hash = hashApiToken(bearer);
    let entry = tokens?.get(hash);
    if (!entry) {
      // Prepared (planned once per connection): every call of a script or an agent runs it.
      const [row] = await preparedRows<{
        id: string;
        name: string;
        restaurantId: string;
        role: TRole;
        lastUsedAt: Date | string | null;
      }>(
        db,
        sql`select id, name, restaurant_id as "restaurantId", role, last_used_at as "lastUsedAt"
            from ${apiTokens} where token_hash = ${hash} and revoked_at is null`,
      );
      if (!row) return { principal: null, failure: 'INVALID_TOKEN', setCookie: null };
      const principal: TokenPrincipal = {
        kind: 'token',
        tokenId: row.id,
        tokenName: row.name,
        restaurantId: row.restaurantId,
        role: row.role,
      };
      const lastUsedAt = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
      entry = { principal, loadedAt: performance.now(), lastUsedAt };
      tokens?.set(hash, entry);
    }
    if (Date.now() - entry.lastUsedAt > 60_000) {
      // At most one write a minute per token: scripts calling in a loop must not contend on it.
      entry.lastUsedAt = Date.now();
      void db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(eq(apiTokens.id, entry.principal.tokenId))
        .catch(() => {});
    }
    return { principal: entry.principal, failure: null, setCookie: null };
  }
  const sessionId = headers.cookie ? lucia.readSessionCookie(headers.cookie) : null;
  if (!sessionId) return { principal: null, failure: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return {
      principal: null,
      failure: 'SESSION_EXPIRED',
      setCookie: { cookie: lucia.createBlankSessionCookie() },
    };
  }
  return {
    principal: { kind: 'session', user, session },
    failure: null,
    setCookie: session.fresh ? { cookie: lucia.createSessionCookie(session.id) } : null,
  };
}
