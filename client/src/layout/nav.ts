import {
  IconCalendarEvent,
  IconChartBar,
  IconClock,
  IconLayoutDashboard,
  IconLayoutGrid,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';

/** The main sections, in navbar order. */
export const NAV_ITEMS = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard, end: true },
  { to: '/bookings', label: 'Bookings', icon: IconCalendarEvent, end: false },
  { to: '/floor', label: 'Floor', icon: IconLayoutGrid, end: false },
  { to: '/guests', label: 'Guests', icon: IconUsers, end: false },
  { to: '/waitlist', label: 'Waitlist', icon: IconClock, end: false },
  { to: '/analytics', label: 'Analytics', icon: IconChartBar, end: false },
  { to: '/settings', label: 'Settings', icon: IconSettings, end: false },
] as const;
