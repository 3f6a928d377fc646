import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
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

const loadWizard = () => import('../wizard/BookingWizard');
const loadDrawer = () => import('../booking-drawer/BookingDrawer');
const BookingWizard = lazy(async () => ({ default: (await loadWizard()).BookingWizard }));
const BookingDrawer = lazy(async () => ({ default: (await loadDrawer()).BookingDrawer }));

/** Fetches both chunks once the browser is idle, so the first click opens them at once. */
function usePrefetch() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => {
      void loadDrawer();
      void loadWizard();
    });
    return () => cancel(handle);
  }, []);
}

/**
 * One booking wizard and one booking drawer for the whole app, reachable from any page (header
 * button, timeline, floor, guest profile). Both are separate chunks fetched when the browser is
 * idle, so they cost the first page nothing and open at once.
 */
export function BookingUiProvider({ children }: { children: ReactNode }) {
  const [wizard, setWizard] = useState<WizardPrefill | null>(null);
  const [bookingId, setBookingId] = useState<string | null>(null);
  usePrefetch();
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
