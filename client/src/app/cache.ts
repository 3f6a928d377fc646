import type { Query } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { trpc } from './trpc';

/** True for every cached query except `auth.me` (which says who is signed in). */
export function isNotMeQuery(query: Pick<Query, 'queryKey'>): boolean {
  const meKey = getQueryKey(trpc.auth.me);
  return JSON.stringify(query.queryKey[0]) !== JSON.stringify(meKey[0]);
}
