import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { type Database, memberships, sessions, users } from '@tobeout/db';
import type { TRole } from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import { Cookie, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from 'lucia';

export const SESSION_COOKIE = 'tobeout_session';

/**
 * lucia v3 is kept behind this module: routers and the domain never import it, so it can be
 * replaced by the lucia-auth.com session guide (@oslojs/*) without touching them.
 */
export function createLucia(db: Database) {
  const adapter = new SessionWithRoleAdapter(db);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(14, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { sameSite: 'lax', secure: false } },
    getSessionAttributes: (a) => ({
      activeRestaurantId: a.activeRestaurantId,
      // undefined for a session made in this request (no role read with it yet).
      activeRole: a.activeRole,
    }),
    getUserAttributes: (a) => ({ email: a.email, name: a.name }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseSessionAttributes: {
      activeRestaurantId: string | null;
      /** Read with the session (never stored): the member's role in the active restaurant. */
      activeRole?: TRole | null;
    };
    DatabaseUserAttributes: { email: string; name: string };
  }
}

/**
 * Reads the session, its user and the user's membership of the session's active restaurant in
 * ONE query: every restaurant call needs all three, and on a busy floor round trips are what a
 * request costs. The role is as fresh as the request (nothing is cached), so a removed member
 * still loses access at once.
 */
class SessionWithRoleAdapter extends DrizzlePostgreSQLAdapter {
  /**
   * Built once and run as a prepared statement: on every request, so neither drizzle nor
   * PostgreSQL (named statement, planned once per connection) builds it again.
   */
  private readonly sessionWithRole;

  constructor(database: Database) {
    super(database as never, sessions, users);
    this.sessionWithRole = database
      .select({
        id: sessions.id,
        userId: sessions.userId,
        expiresAt: sessions.expiresAt,
        activeRestaurantId: sessions.activeRestaurantId,
        activeRole: memberships.role,
        email: users.email,
        name: users.name,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(
        memberships,
        and(
          eq(memberships.userId, sessions.userId),
          eq(memberships.restaurantId, sessions.activeRestaurantId),
        ),
      )
      .where(eq(sessions.id, sql.placeholder('sessionId')))
      .prepare('session_with_role');
  }

  override async getSessionAndUser(
    sessionId: string,
  ): Promise<[DatabaseSession, DatabaseUser] | [null, null]> {
    const [row] = await this.sessionWithRole.execute({ sessionId });
    if (!row) return [null, null];
    return [
      {
        id: row.id,
        userId: row.userId,
        expiresAt: row.expiresAt,
        attributes: { activeRestaurantId: row.activeRestaurantId, activeRole: row.activeRole },
      },
      { id: row.userId, attributes: { email: row.email, name: row.name } },
    ];
  }
}

/** HttpOnly + SameSite=Lax always; Secure when the request came over HTTPS. */
export function serializeSessionCookie(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize();
}
