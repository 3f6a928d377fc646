import type { QueryClient } from '@tanstack/react-query';
import type { AppRouter } from '@tobeout/server';
import type { TRole } from '@tobeout/shared';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { ReactNode } from 'react';
import { SessionProvider, type SignedInMe } from '../app/session';
import { trpc } from '../app/trpc';
import { isClientError } from '../lib/errors';

/**
 * Answers for the procedures a test uses, by path ('bookings.get'); throw to fail a call. Each
 * handler declares the input it reads (`(input: { id: string }) => …`): `never` accepts them all.
 */
export type FakeHandlers = Record<string, (input: never) => unknown>;

/**
 * A tRPC client whose only link answers from `handlers` (no server, no serialisation) and
 * records every call, for component tests of screens that use the API.
 */
export function fakeApi(handlers: FakeHandlers, opts: { before?: TRPCLink<AppRouter>[] } = {}) {
  const calls: { path: string; input: unknown }[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, input: op.input });
        Promise.resolve()
          .then(() => {
            const handler = handlers[op.path];
            if (!handler) throw new Error(`No fake answer for ${op.path}`);
            return handler(op.input as never);
          })
          .then(
            (data) => {
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (error) => observer.error(isClientError(error) ? error : TRPCClientError.from(error as Error)),
          );
      });
  // `before`: links of the app's own (e.g. the offline link) in front of the fake server.
  const client = trpc.createClient({ links: [...(opts.before ?? []), link] });
  return {
    client,
    calls,
    /** The inputs of every call to `path`, in order. */
    inputsOf: (path: string) => calls.filter((c) => c.path === path).map((c) => c.input),
  };
}

export function signedIn(role: TRole = 'manager'): SignedInMe {
  const membership = {
    restaurantId: '00000000-0000-4000-8000-0000000000aa',
    restaurantName: 'Test Bistro',
    role,
  };
  return {
    user: { id: 'u1', email: 'maria@test.local', name: 'Maria' },
    via: 'session',
    memberships: [membership],
    activeRestaurant: membership,
  };
}

/** tRPC and a signed-in session around `children` (pass the QueryClient the render uses). */
export function TestApi({
  api,
  queryClient,
  me = signedIn(),
  children,
}: {
  api: ReturnType<typeof fakeApi>;
  queryClient: QueryClient;
  me?: SignedInMe;
  children: ReactNode;
}) {
  return (
    <trpc.Provider client={api.client} queryClient={queryClient}>
      <SessionProvider me={me}>{children}</SessionProvider>
    </trpc.Provider>
  );
}
