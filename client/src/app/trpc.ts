import type { AppRouter } from '@tobeout/server';
import { createTRPCReact, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';

/** Typed React hooks for the ToBeOut API (types only come from the server package). */
export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type TrpcUtils = ReturnType<typeof trpc.useUtils>;

/**
 * One client per tab. The session cookie is HttpOnly and same-origin, so the browser sends it on
 * both the batch requests and the SSE stream; no auth header here.
 */
export function createTrpcClient(baseUrl = '/trpc') {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: baseUrl, transformer: superjson }),
        false: httpBatchLink({ url: baseUrl, transformer: superjson }),
      }),
    ],
  });
}
