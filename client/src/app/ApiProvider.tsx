import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { type ReactNode, useState } from 'react';
import { errorCode } from '../lib/errors';
import { createTrpcClient, trpc } from './trpc';

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
      mutations: { retry: false },
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

/** React Query + tRPC for the whole app; one client and one cache per tab. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTrpcClient());
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
