import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { errorCode } from '../lib/errors';
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
  void queryClient.invalidateQueries({ queryKey: getQueryKey(trpc.auth.me) });
}

const OfflineGateContext = createContext<OfflineGate | null>(null);

/** The tab's offline gate (null outside ApiProvider, e.g. in component tests). */
export function useOfflineGate(): OfflineGate | null {
  return useContext(OfflineGateContext);
}

/** React Query + tRPC for the whole app; one client and one cache per tab. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [gate] = useState(createOfflineGate);
  const [trpcClient] = useState(() => createTrpcClient('/trpc', gate));
  return (
    <OfflineGateContext.Provider value={gate}>
      <trpc.Provider client={trpcClient} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </trpc.Provider>
    </OfflineGateContext.Provider>
  );
}
