import { Center } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';
import { FullPageLoader, QueryError } from '../lib/states';
import { LiveProvider } from '../live/LiveProvider';
import { LoginPage } from './lazy-pages';
import { isSignedIn, SESSION_STALE_MS, SessionProvider } from './session';
import { trpc } from './trpc';

/**
 * Asks the server who we are (`auth.me`; a logged-out answer is not an error). Signed out: the
 * login page at any address, so people land where they wanted after signing in. Signed in: the
 * session and the tab's one live stream (restarted when the active restaurant changes).
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: SESSION_STALE_MS });
  if (me.isPending) return <FullPageLoader />;
  if (me.isError && !me.data) {
    return (
      <Center mih="100dvh" p="md">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!isSignedIn(me.data)) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <LoginPage />
      </Suspense>
    );
  }
  const restaurantId = me.data.activeRestaurant?.restaurantId ?? null;
  return (
    <SessionProvider me={me.data}>
      <LiveProvider key={restaurantId ?? 'none'} enabled={restaurantId !== null}>
        {children}
      </LiveProvider>
    </SessionProvider>
  );
}
