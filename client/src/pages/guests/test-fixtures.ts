import type { TBooking, TGuest, TGuestDetails } from '@tobeout/shared';

/** A guest id that reads as its number (…0007). */
export const guestId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function guest(n: number, name: string, extra: Partial<TGuest> = {}): TGuest {
  return {
    id: guestId(n),
    name,
    phone: `+4917000000${String(n).padStart(2, '0')}`,
    email: null,
    language: null,
    tags: [],
    notes: null,
    visitCount: n,
    noShowCount: 0,
    cancelCount: 0,
    lastVisitAt: n > 0 ? new Date(Date.UTC(2026, 3, n)) : null,
    createdAt: new Date(Date.UTC(2025, 0, n + 1)),
    segments: n <= 1 ? ['new'] : [],
    ...extra,
  };
}

export function details(g: TGuest, stats: Partial<TGuestDetails['stats']> = {}): TGuestDetails {
  return {
    ...g,
    stats: {
      totalVisits: g.visitCount,
      upcomingBookings: 0,
      lastVisitAt: g.lastVisitAt,
      cancellationRate: null,
      noShowCount: g.noShowCount,
      averagePartySize: null,
      ...stats,
    },
  };
}

export function booking(n: number, of: TGuest, extra: Partial<TBooking> = {}): TBooking {
  const startsAt = new Date(Date.UTC(2026, 4, n, 17));
  return {
    id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
    code: `CODE${n}`,
    status: 'completed',
    source: 'phone',
    date: startsAt.toISOString().slice(0, 10),
    time: '19:00',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    durationMin: 120,
    partySize: 2,
    guest: { id: of.id, name: of.name, phone: of.phone, email: of.email },
    tables: [{ id: '00000000-0000-4000-8000-0000000000f1', name: 'T1' }],
    specialRequests: null,
    cancelReason: null,
    version: 1,
    createdAt: startsAt,
    updatedAt: startsAt,
    seatedAt: null,
    completedAt: null,
    canceledAt: null,
    ...extra,
  };
}

/** The error text attached to an input (Mantine links it with aria-describedby). */
export function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

/** The input labelled `label` (a select's option list has the same label). */
export function inputOf(screen: { getAllByLabelText: (l: string) => HTMLElement[] }, label: string) {
  return screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')!;
}
