import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from '../layout/AppLayout';
import { AuthGate } from './AuthGate';
import {
  ActivityPage,
  BookingsPage,
  ComingSoonPage,
  FloorPage,
  GuestProfilePage,
  GuestsPage,
  HoursSettingsPage,
  MembersSettingsPage,
  NotFoundPage,
  RestaurantSettingsPage,
  SettingsLayout,
  TokensSettingsPage,
} from './lazy-pages';

const SOON = {
  dashboard: "Today's covers, arrivals and free tables at a glance.",
  waitlist: 'Walk-ins and waiting guests, offered the next table that fits.',
  analytics: 'Covers, no-shows and table turns over time.',
};

/** Every address of the app (signed out: the login page at any address). Pages load on demand. */
export function AppRoutes() {
  return (
    <AuthGate>
      <Routes>
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route element={<AppLayout />}>
          <Route index element={<ComingSoonPage title="Dashboard" description={SOON.dashboard} />} />
          <Route path="bookings" element={<BookingsPage />} />
          <Route path="floor" element={<FloorPage />} />
          <Route path="guests" element={<GuestsPage />} />
          <Route path="guests/:guestId" element={<GuestProfilePage />} />
          <Route path="waitlist" element={<ComingSoonPage title="Waitlist" description={SOON.waitlist} />} />
          <Route
            path="analytics"
            element={<ComingSoonPage title="Analytics" description={SOON.analytics} />}
          />
          <Route path="activity" element={<ActivityPage />} />
          <Route path="settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="restaurant" replace />} />
            <Route path="restaurant" element={<RestaurantSettingsPage />} />
            <Route path="hours" element={<HoursSettingsPage />} />
            <Route path="members" element={<MembersSettingsPage />} />
            <Route path="tokens" element={<TokensSettingsPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </AuthGate>
  );
}
