import { type ComponentType, lazy } from 'react';

/** React.lazy for a named export, so every page is its own chunk. */
function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

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
