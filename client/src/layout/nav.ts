import {
  type Icon,
  IconCalendarEvent,
  IconChartBar,
  IconClock,
  IconHistory,
  IconLayoutDashboard,
  IconLayoutGrid,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { roleAtLeast, type TRole } from '@tobeout/shared';

export type NavItem = { to: string; label: string; icon: Icon; end: boolean; minRole: TRole };

/** The main sections, in navbar order, with the least role that may open each. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard, end: true, minRole: 'staff' },
  { to: '/bookings', label: 'Bookings', icon: IconCalendarEvent, end: false, minRole: 'staff' },
  { to: '/floor', label: 'Floor', icon: IconLayoutGrid, end: false, minRole: 'staff' },
  { to: '/guests', label: 'Guests', icon: IconUsers, end: false, minRole: 'staff' },
  { to: '/waitlist', label: 'Waitlist', icon: IconClock, end: false, minRole: 'staff' },
  { to: '/analytics', label: 'Analytics', icon: IconChartBar, end: false, minRole: 'staff' },
  { to: '/activity', label: 'Activity', icon: IconHistory, end: false, minRole: 'manager' },
  { to: '/settings', label: 'Settings', icon: IconSettings, end: false, minRole: 'staff' },
];

/** The sections the caller's role may open (none but the open ones without a restaurant). */
export function navItemsFor(role: TRole | null) {
  return NAV_ITEMS.filter(
    (item) => item.minRole === 'staff' || (role !== null && roleAtLeast(role, item.minRole)),
  );
}
