import { lazyNamed } from '../lib/lazy';

// Every page is its own chunk (see routePage for fetching the current one early).

export const LoginPage = lazyNamed(() => import('../pages/login/LoginPage'), 'LoginPage');
export const ComingSoonPage = lazyNamed(
  () => import('../pages/coming-soon/ComingSoonPage'),
  'ComingSoonPage',
);
export const NotFoundPage = lazyNamed(() => import('../pages/not-found/NotFoundPage'), 'NotFoundPage');
export const BookingsPage = lazyNamed(() => import('../pages/bookings/BookingsPage'), 'BookingsPage');
export const GuestsPage = lazyNamed(() => import('../pages/guests/GuestsPage'), 'GuestsPage');
export const GuestProfilePage = lazyNamed(
  () => import('../pages/guests/GuestProfilePage'),
  'GuestProfilePage',
);
export const FloorPage = lazyNamed(() => import('../pages/floor/FloorPage'), 'FloorPage');
export const ActivityPage = lazyNamed(() => import('../pages/activity/ActivityPage'), 'ActivityPage');
export const SettingsLayout = lazyNamed(() => import('../pages/settings/SettingsLayout'), 'SettingsLayout');
export const RestaurantSettingsPage = lazyNamed(
  () => import('../pages/settings/restaurant/RestaurantSettingsPage'),
  'RestaurantSettingsPage',
);
export const HoursSettingsPage = lazyNamed(
  () => import('../pages/settings/hours/HoursSettingsPage'),
  'HoursSettingsPage',
);
export const MembersSettingsPage = lazyNamed(
  () => import('../pages/settings/members/MembersSettingsPage'),
  'MembersSettingsPage',
);
export const TokensSettingsPage = lazyNamed(
  () => import('../pages/settings/tokens/TokensSettingsPage'),
  'TokensSettingsPage',
);

const PAGES_BY_PATH: [RegExp, { preload(): Promise<unknown> }][] = [
  [/^\/bookings\/?$/, BookingsPage],
  [/^\/floor\/?$/, FloorPage],
  [/^\/guests\/?$/, GuestsPage],
  [/^\/guests\/[^/]+\/?$/, GuestProfilePage],
  [/^\/activity\/?$/, ActivityPage],
  [/^\/settings(\/|$)/, SettingsLayout],
];

/**
 * Starts fetching the chunk of the page at `pathname` (see AppRoutes) before React gets to it, in
 * parallel with `auth.me`, instead of after it.
 */
export function preloadPageAt(pathname: string): void {
  const page = PAGES_BY_PATH.find(([path]) => path.test(pathname))?.[1];
  page?.preload().catch(() => {}); // the route shows the error when it renders
}
