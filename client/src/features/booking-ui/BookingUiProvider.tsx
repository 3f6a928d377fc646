import { QueryClientContext } from '@tanstack/react-query';
import { createContext, type ReactNode, Suspense, useContext, useEffect, useMemo, useState } from 'react';
import { ErrorBoundary } from '../../lib/ErrorBoundary';
import { lazyNamed } from '../../lib/lazy';

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
  /**
   * Fetches the drawer's chunk now: call it when a click on a booking is likely (the pointer is
   * over a bookings view, a booking has the focus), so that openBooking opens it in that frame.
   */
  prepareBooking(): void;
};

const BookingUiContext = createContext<BookingUi | null>(null);

const BookingWizard = lazyNamed(() => import('../wizard/BookingWizard'), 'BookingWizard');
const BookingDrawer = lazyNamed(() => import('../booking-drawer/BookingDrawer'), 'BookingDrawer');

// Failures show when the drawer or wizard opens.
const preloadDrawer = () => void BookingDrawer.preload().catch(() => {});
const preloadWizard = () => void BookingWizard.preload().catch(() => {});

/** The first page has at least this long to load before the two chunks are fetched. */
const PREFETCH_AFTER_MS = 1000;

/**
 * Fetches both chunks once the first page has had its turn (no query in flight, the browser
 * idle), so the first click opens them at once. Not earlier: evaluating them, and the styles they
 * bring, would compete with the page's own chunk, data and first render.
 */
function usePrefetch() {
  const queryClient = useContext(QueryClientContext);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 50));
    const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
    let handle: number | undefined;
    const whenQuiet = (then: () => void) => {
      handle = idle(() => (queryClient?.isFetching() ? whenQuiet(then) : then()));
    };
    const timer = window.setTimeout(() => {
      whenQuiet(() => {
        preloadDrawer();
        whenQuiet(preloadWizard);
      });
    }, PREFETCH_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (handle !== undefined) cancelIdle(handle);
    };
  }, [queryClient]);
}

/**
 * One booking wizard and one booking drawer for the whole app, reachable from any page (header
 * button, timeline, floor, guest profile). Both are separate chunks fetched when the browser is
 * idle after the first page, so they cost it nothing and open at once.
 */
export function BookingUiProvider({ children }: { children: ReactNode }) {
  const [wizard, setWizard] = useState<WizardPrefill | null>(null);
  const [bookingId, setBookingId] = useState<string | null>(null);
  usePrefetch();
  const api = useMemo<BookingUi>(
    () => ({
      openWizard: (prefill = {}) => setWizard(prefill),
      openBooking: (id) => setBookingId(id),
      prepareBooking: preloadDrawer,
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
