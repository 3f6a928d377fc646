import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderOptions, render as rtlRender } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { theme } from '../app/theme';

type Options = Omit<RenderOptions, 'wrapper'> & {
  /** Wrap in a MemoryRouter at these entries (for components that link or read the location). */
  routerEntries?: string[];
  /** Wrap in a QueryClientProvider (`true`: a fresh client with retries off). */
  queryClient?: QueryClient | true;
};

export function newTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

function Providers({
  children,
  routerEntries,
  queryClient,
}: {
  children: ReactNode;
  routerEntries?: string[];
  queryClient?: QueryClient;
}) {
  let tree = (
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <ModalsProvider>{children}</ModalsProvider>
    </MantineProvider>
  );
  if (routerEntries) tree = <MemoryRouter initialEntries={routerEntries}>{tree}</MemoryRouter>;
  if (queryClient) tree = <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>;
  return tree;
}

/** Renders inside MantineProvider (test env: no transitions, no portals), plus router/query when asked. */
export function render(ui: ReactElement, { routerEntries, queryClient, ...options }: Options = {}) {
  const client = queryClient === true ? newTestQueryClient() : queryClient;
  const wrap = (node: ReactElement) => (
    <Providers routerEntries={routerEntries} queryClient={client}>
      {node}
    </Providers>
  );
  const result = rtlRender(wrap(ui), options);
  return { ...result, rerender: (next: ReactElement) => result.rerender(wrap(next)) };
}

export * from '@testing-library/react';
