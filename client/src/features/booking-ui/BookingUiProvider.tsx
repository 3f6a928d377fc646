import { createContext, lazy, type ReactNode, Suspense, useContext, useMemo, useState } from 'react';
import { ErrorBoundary } from '../../lib/ErrorBoundary';

/** What the wizard may start with (an empty timeline cell, a table on the floor, "book again"). */
export type WizardPrefill = {
  date?: string;
  time?: string;
  partySize?: number;
  tableIds?: string[];
  guestId?: string;
};

type BookingUi = {
  /** Opens the booking wizard, optionally prefilled. */
  openWizard(prefill?: WizardPrefill): void;
  /** Opens the booking drawer of one booking. */
  openBooking(bookingId: string): void;
};

const BookingUiContext = createContext<BookingUi | null>(null);

const BookingWizard = lazy(async () => ({
  default: (await import('../wizard/BookingWizard')).BookingWizard,
}));
const BookingDrawer = lazy(async () => ({
  default: (await import('../booking-drawer/BookingDrawer')).BookingDrawer,
}));

/**
 * One booking wizard and one booking drawer for the whole app, reachable from any page (header
 * button, timeline, floor, guest profile). Both load on first use, so they cost the first page
 * nothing.
 */
export function BookingUiProvider({ children }: { children: ReactNode }) {
  const [wizard, setWizard] = useState<WizardPrefill | null>(null);
  const [bookingId, setBookingId] = useState<string | null>(null);
  const api = useMemo<BookingUi>(
    () => ({
      openWizard: (prefill = {}) => setWizard(prefill),
      openBooking: (id) => setBookingId(id),
    }),
    [],
  );
  return (
    <BookingUiContext.Provider value={api}>
      {children}
      <ErrorBoundary level="route">
        <Suspense fallback={null}>
          {wizard && <BookingWizard prefill={wizard} onClose={() => setWizard(null)} />}
          {bookingId && <BookingDrawer bookingId={bookingId} onClose={() => setBookingId(null)} />}
        </Suspense>
      </ErrorBoundary>
    </BookingUiContext.Provider>
  );
}

export function useBookingUi(): BookingUi {
  const ui = useContext(BookingUiContext);
  if (!ui) throw new Error('useBookingUi needs a BookingUiProvider above it');
  return ui;
}
