import type { AppRouter } from '@tobeout/server';
import { wireTransformer as transformer } from '@tobeout/shared';
import {
  createTRPCReact,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
  type TRPCLink,
} from '@trpc/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { OfflineError } from '../lib/errors';

/** Typed React hooks for the ToBeOut API (types only come from the server package). */
export const trpc = createTRPCReact<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type TrpcUtils = ReturnType<typeof trpc.useUtils>;

/**
 * Whether this tab may send changes: the live connection sets it (see live/LiveProvider.tsx),
 * the offline link reads it. One per tab, made with the tRPC client.
 */
export type OfflineGate = { offline: boolean };

export function createOfflineGate(): OfflineGate {
  return { offline: false };
}

/**
 * Refuses to send a mutation while the tab is offline, at once and with an error that says so
 * (rather than a request that hangs, fails with a network message or lands minutes later on a
 * stale version). Queries and the live stream pass: they wait and retry by themselves. Signing
 * in and out always goes through.
 */
export function offlineLink(gate: OfflineGate): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        if (op.type === 'mutation' && gate.offline && !op.path.startsWith('auth.')) {
          observer.error(TRPCClientError.from(new OfflineError()));
          return;
        }
        return next(op).subscribe(observer);
      });
}

/** Request context that sends a query at once, on its own, rather than with the next batch. */
export const UNBATCHED = { context: { skipBatch: true } } as const;

/**
 * Procedures whose answers are large and shared (a day's grid, ~110 kB, kept by the server until
 * the next change): always asked on their own, so the server sends its kept bytes, compressed
 * (~16 kB), and the small queries of a batch do not wait for them.
 */
const ON_THEIR_OWN = new Set(['availability.grid']);

/**
 * One client per tab. The session cookie is HttpOnly and same-origin, so the browser sends it on
 * both the batch requests and the SSE stream; no auth header here. Queries go in batches (sent on
 * the next timer tick), except those asked with UNBATCHED (sent before anything else runs) and
 * the large shared answers above.
 */
export function createTrpcClient(baseUrl = '/trpc', gate: OfflineGate = createOfflineGate()) {
  return trpc.createClient({
    links: [
      offlineLink(gate),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: baseUrl, transformer }),
        false: splitLink({
          condition: (op) => op.context.skipBatch === true || ON_THEIR_OWN.has(op.path),
          true: httpLink({ url: baseUrl, transformer }),
          false: httpBatchLink({ url: baseUrl, transformer }),
        }),
      }),
    ],
  });
}
