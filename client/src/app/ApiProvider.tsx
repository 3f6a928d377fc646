import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { errorCode } from '../lib/errors';
import { isSignedIn } from './session';
import { createOfflineGate, createTrpcClient, type OfflineGate, trpc } from './trpc';

const NO_RETRY = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

export function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !NO_RETRY.has(errorCode(error) ?? '') && failures < 2,
      },
      // 'always': a change made offline reaches the offline link, which refuses it at once with
      // a clear error, instead of waiting paused and landing later on a version that moved on.
      mutations: { retry: false, networkMode: 'always' },
    },
    // A session that ends while the app is open: ask `auth.me` again, which shows the login page.
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(queryClient, error) }),
  });
  return queryClient;
}

function onUnauthorized(queryClient: QueryClient, error: unknown) {
  if (errorCode(error) !== 'UNAUTHORIZED') return;
  const meKey = getQueryKey(trpc.auth.me);
  // Only a session we had can end: the first page's data is asked for before auth.me answers
  // (see route-data.ts), and a visitor who is signed out gets UNAUTHORIZED for it.
  if (!queryClient.getQueriesData({ queryKey: meKey }).some(([, me]) => isSignedIn(me as never))) return;
  void queryClient.invalidateQueries({ queryKey: meKey });
}

const OfflineGateContext = createContext<OfflineGate | null>(null);

/** The tab's offline gate (null outside ApiProvider, e.g. in component tests). */
export function useOfflineGate(): OfflineGate | null {
  return useContext(OfflineGateContext);
}

/** The tab's query cache, its tRPC client and the offline gate between them. */
export type Api = {
  queryClient: QueryClient;
  gate: OfflineGate;
  trpcClient: ReturnType<typeof createTrpcClient>;
};

export function createApi(): Api {
  const gate = createOfflineGate();
  return { queryClient: createQueryClient(), gate, trpcClient: createTrpcClient('/trpc', gate) };
}

/**
 * React Query + tRPC for the whole app; one client and one cache per tab (made here, or before
 * the first render by main.tsx, which starts the first page's requests with it).
 */
export function ApiProvider({ api, children }: { api?: Api; children: ReactNode }) {
  const [{ queryClient, gate, trpcClient }] = useState(() => api ?? createApi());
  return (
    <OfflineGateContext.Provider value={gate}>
      <trpc.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </trpc.Provider>
    </OfflineGateContext.Provider>
  );
}
