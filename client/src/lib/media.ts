import { useMediaQuery } from '@mantine/hooks';

/** Phones (below Mantine's `sm` breakpoint): lists instead of plans, full-screen drawers. */
export const PHONE_QUERY = '(max-width: 48em)';

/** True on a phone-sized screen (known on the first render, so nothing jumps). */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
}
