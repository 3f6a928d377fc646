import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FakeHandlers } from '../../test/api';
import { fireEvent, screen, waitFor } from '../../test/render';
import { serverError } from '../../test/server-error';
import type { WizardPrefill } from '../booking-ui/BookingUiProvider';
import { BookingWizard } from './BookingWizard';
import { booking, check, DATE, grid, hold, id, option, renderWithApi, slot, TIMES } from './test-fixtures';

const T2 = option('T2', 2, 'Best fit: 4 seats for 2 guests');
const T3 = option('T3', 2);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The wizard as the app opens it: mounted while open, gone when closed. */
function Opened({ prefill, onClose }: { prefill: WizardPrefill; onClose: () => void }) {
  const [open, setOpen] = useState(true);
  return open ? (
    <BookingWizard
      prefill={prefill}
      onClose={() => {
        setOpen(false);
        onClose();
      }}
    />
  ) : null;
}

function setup(handlers: FakeHandlers = {}) {
  const onClose = vi.fn();
  let holds = 0;
  const result = renderWithApi(
    <Opened prefill={{ date: DATE, time: '19:30', partySize: 2 }} onClose={onClose} />,
    {
      'availability.grid': () => grid(),
      'availability.check': ({ time }: { time?: string }) =>
        time
          ? check({ time, slots: [slot(time, [T2, T3])] })
          : check({ slots: TIMES.map((t) => slot(t, [T2])) }),
      'availability.hold': ({ tableIds, time }: { tableIds: string[]; time: string }) => {
        holds += 1;
        return { ...hold(tableIds, time), holdId: id(600 + holds) };
      },
      'availability.release': () => ({ ok: true }),
      'bookings.list': () => ({ items: [], nextCursor: null }),
      'bookings.create': () =>
        booking({ guest: { id: id(701), name: 'Clara Weber', phone: '+491705551234', email: null } }),
      ...handlers,
    },
  );
  return { ...result, onClose };
}

const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));
const step = (n: number, label: string) => screen.findByText(`Step ${n} of 6: ${label}`);

async function toGuestStep() {
  await step(1, 'When');
  next();
  await screen.findByText(/is available for 2 guests/);
  await waitFor(() => expect(screen.getByRole('radio', { checked: true }).textContent).toContain('T2'));
  next();
  await step(3, 'Guest');
}

function fillNewGuest() {
  fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Clara Weber' } });
  fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '0170 5551234' } });
}

describe('BookingWizard', () => {
  it('books step by step: holds the best table, then converts the hold with the guest and requests', async () => {
    const { api, onClose } = setup();
    await toGuestStep();
    expect(api.inputsOf('availability.hold')).toEqual([
      { date: DATE, time: '19:30', partySize: 2, tableIds: [id(2)] },
    ]);
    expect((await screen.findByRole('status')).textContent).toMatch(/T2 held for you until \d\d:\d\d/);

    // The guest step checks its fields before going on.
    next();
    expect(await screen.findByText('Enter the guest’s name.')).toBeTruthy();
    fillNewGuest();
    next();
    await step(4, 'Table');
    next();
    await step(5, 'Requests');
    fireEvent.change(screen.getByLabelText('Special requests (optional)'), {
      target: { value: 'Window seat' },
    });
    next();
    await step(6, 'Confirm');
    expect(screen.getByRole('region', { name: 'Booking summary' }).textContent).toContain('Clara Weber');

    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.inputsOf('bookings.create')).toEqual([
      {
        holdId: id(601),
        guest: { name: 'Clara Weber', phone: '+491705551234' },
        specialRequests: 'Window seat',
        source: 'staff',
        idempotencyKey: expect.stringMatching(UUID),
      },
    ]);
    expect(await screen.findByText('Booking confirmed · K7P2M9')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open booking' })).toBeTruthy();
    // The booking took the hold: nothing to release.
    expect(api.inputsOf('availability.release')).toEqual([]);
  });

  it('offers the alternatives when someone else was faster, and goes on with the one picked', async () => {
    const { api } = setup({
      'availability.hold': ({ tableIds, time }: { tableIds: string[]; time: string }) => {
        if (tableIds[0] === id(2))
          throw serverError({
            code: 'CONFLICT',
            reason: 'SLOT_TAKEN',
            message: 'T2 is already taken at 19:30 on 2030-06-14. Nearest free: 19:30 (T3).',
            details: { alternatives: [slot('19:30', [T3]), slot('20:30', [T2])] },
          });
        return hold(tableIds, time);
      },
    });
    await step(1, 'When');
    next();
    await screen.findByText(/is available for 2 guests/);
    next();
    const alert = await screen.findByText('Someone else was faster');
    expect(alert).toBeTruthy();
    expect(screen.getByText('T2 is already taken at 19:30 on 2030-06-14.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '19:30 at T3' }));
    await waitFor(() => expect(screen.getByRole('radio', { checked: true }).textContent).toContain('T3'));
    next();
    await step(3, 'Guest');
    expect(api.inputsOf('availability.hold').at(-1)).toEqual({
      date: DATE,
      time: '19:30',
      partySize: 2,
      tableIds: [id(3)],
    });
  });

  it('counts its own hold as free in the live check, so the host can still move it to another table', async () => {
    let held: string | null = null;
    const { api } = setup({
      'availability.hold': ({ tableIds, time }: { tableIds: string[]; time: string }) => {
        held = id(601);
        return { ...hold(tableIds, time), holdId: held };
      },
      // As the server answers: a hold is taken for everyone but the one who passes its id.
      'availability.check': ({ time, holdId }: { time?: string; holdId?: string }) =>
        held === null || holdId === held
          ? check({ time: time ?? null, slots: [slot('19:30', [T2, T3])] })
          : check({
              time: time ?? null,
              available: false,
              reason: 'full',
              message: 'Every table is taken at 19:30.',
              slots: [],
            }),
    });
    await toGuestStep();
    fillNewGuest();
    next();
    await step(4, 'Table');
    expect((await screen.findByRole('radio', { checked: true })).textContent).toContain('T2');
    expect(await screen.findByRole('radio', { name: /T3/ })).toBeTruthy();
    expect(api.inputsOf('availability.check')).toContainEqual({
      date: DATE,
      time: '19:30',
      partySize: 2,
      holdId: id(601),
    });
  });

  it('renews an expired hold (the server said so) and books once with the same key', async () => {
    let attempts = 0;
    const { api, onClose } = setup({
      'bookings.create': () => {
        attempts += 1;
        if (attempts === 1)
          throw serverError({ code: 'CONFLICT', reason: 'HOLD_EXPIRED', message: 'This hold has expired.' });
        return booking();
      },
    });
    await toGuestStep();
    fillNewGuest();
    next();
    await step(4, 'Table');
    next();
    await step(5, 'Requests');
    next();
    await step(6, 'Confirm');
    const confirm = screen.getByRole('button', { name: 'Confirm booking' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const creates = api.inputsOf('bookings.create') as { holdId: string; idempotencyKey: string }[];
    expect(creates.map((c) => c.holdId)).toEqual([id(601), id(602)]);
    expect(creates[0]!.idempotencyKey).toBe(creates[1]!.idempotencyKey);
  });

  it('books past the pacing limit only when the host says so, and holds with the override', async () => {
    const { api } = setup({
      'availability.check': ({ time, overridePacing }: { time?: string; overridePacing?: boolean }) =>
        overridePacing
          ? check({ time: time ?? null, slots: [slot('19:30', [T2])] })
          : check({
              time: time ?? null,
              available: false,
              reason: 'pacing',
              message:
                'Too many guests already arrive at 19:30: the kitchen takes at most 20 covers per slot.',
              slots: [slot('20:30', [T3])],
            }),
    });
    await step(1, 'When');
    next();
    expect(await screen.findByText(/the kitchen takes at most 20 covers/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Book anyway, over the pacing limit' }));
    expect(await screen.findByText('Over the pacing limit')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('radio', { checked: true }).textContent).toContain('T2'));
    next();
    await step(3, 'Guest');
    expect(api.inputsOf('availability.hold')).toEqual([
      { date: DATE, time: '19:30', partySize: 2, tableIds: [id(2)], overridePacing: true },
    ]);
  });

  it('takes a server field error back to its step', async () => {
    setup({
      'bookings.create': () => {
        throw serverError({
          code: 'BAD_REQUEST',
          reason: 'VALIDATION',
          message: 'Invalid input',
          fieldErrors: { 'guest.phone': ['This number cannot take bookings.'] },
        });
      },
    });
    await toGuestStep();
    fillNewGuest();
    for (const [n, label] of [
      [4, 'Table'],
      [5, 'Requests'],
      [6, 'Confirm'],
    ] as const) {
      next();
      await step(n, label);
    }
    fireEvent.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await step(3, 'Guest');
    expect(await screen.findByText('This number cannot take bookings.')).toBeTruthy();
  });

  it('asks before discarding what was entered, and releases the held table', async () => {
    const { api, onClose } = setup();
    await toGuestStep();
    fillNewGuest();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    await waitFor(() => expect(api.inputsOf('availability.release')).toEqual([{ holdId: id(601) }]));
  });

  it('gives the tables back when the host goes back to change the time', async () => {
    const { api } = setup();
    await toGuestStep();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await step(2, 'Availability');
    await waitFor(() => expect(api.inputsOf('availability.release')).toEqual([{ holdId: id(601) }]));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
