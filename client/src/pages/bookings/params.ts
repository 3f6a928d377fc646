/** What the Bookings page shows, from its address (shared with the route's data prefetch). */

export type BookingsView = 'timeline' | 'list';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day in the address (`?date=YYYY-MM-DD`), or null for today. */
export function askedDate(params: URLSearchParams): string | null {
  const asked = params.get('date');
  return asked && DATE.test(asked) ? asked : null;
}

/** The view in the address (`?view=`); otherwise the list on phones and the timeline elsewhere. */
export function bookingsView(params: URLSearchParams, isPhone: boolean): BookingsView {
  const asked = params.get('view');
  return asked === 'timeline' || asked === 'list' ? asked : isPhone ? 'list' : 'timeline';
}
