import { DrizzlePostgreSQLAdapter } from '@lucia-auth/adapter-drizzle';
import { type Database, sessions, users } from '@tobeout/db';
import { Cookie, Lucia, TimeSpan } from 'lucia';

export const SESSION_COOKIE = 'tobeout_session';

/**
 * lucia v3 is kept behind this module: routers and the domain never import it, so it can be
 * replaced by the lucia-auth.com session guide (@oslojs/*) without touching them.
 */
export function createLucia(db: Database) {
  const adapter = new DrizzlePostgreSQLAdapter(db as never, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(14, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { sameSite: 'lax', secure: false } },
    getSessionAttributes: (a) => ({ activeRestaurantId: a.activeRestaurantId }),
    getUserAttributes: (a) => ({ email: a.email, name: a.name }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AppLucia;
    DatabaseSessionAttributes: { activeRestaurantId: string | null };
    DatabaseUserAttributes: { email: string; name: string };
  }
}

/** HttpOnly + SameSite=Lax always; Secure when the request came over HTTPS. */
export function serializeSessionCookie(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize();
}
