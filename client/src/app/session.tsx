import { roleAtLeast, type TMeOutput, type TRole } from '@tobeout/shared';
import { createContext, type ReactNode, useContext } from 'react';

/** How long `auth.me` stays fresh (sign-outs elsewhere arrive as UNAUTHORIZED errors anyway). */
export const SESSION_STALE_MS = 5 * 60_000;

export type SignedInMe = TMeOutput & { user: NonNullable<TMeOutput['user']> };

const SessionContext = createContext<SignedInMe | null>(null);

export function SessionProvider({ me, children }: { me: SignedInMe; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useSession(): SignedInMe {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside <SessionProvider>');
  return me;
}

/** The caller's role in the active restaurant (null: no restaurant chosen). */
export function useRole(): TRole | null {
  return useSession().activeRestaurant?.role ?? null;
}

/** True when the caller's role in the active restaurant is at least `required`. */
export function useCan(required: TRole): boolean {
  const role = useRole();
  return role !== null && roleAtLeast(role, required);
}

export function isSignedIn(me: TMeOutput | undefined): me is SignedInMe {
  return !!me?.user;
}
