import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '../../../test/render';
import type { KnownGuest } from '../model';
import { booking, FormHost, id, renderWithApi } from '../test-fixtures';
import { GuestStep } from './GuestStep';

const anna = booking();
const annaLater = booking({ id: id(901), date: '2030-07-01' });
const ben = booking({
  id: id(902),
  guest: { id: id(701), name: 'Ben Anders', phone: null, email: 'ben@test.local' },
});

function setup(guest: KnownGuest | null = null, guestId: string | null = null) {
  const onGuestChange = vi.fn();
  let errors: Record<string, unknown> = {};
  const result = renderWithApi(
    <FormHost initial={{ guestId }}>
      {(form) => {
        errors = form.errors;
        return <GuestStep form={form} country="DE" guest={guest} onGuestChange={onGuestChange} />;
      }}
    </FormHost>,
    {
      'bookings.list': ({ q }: { q: string }) => ({
        items: q.includes('491701112233') ? [anna] : [anna, annaLater, ben],
        nextCursor: null,
      }),
    },
  );
  return { ...result, onGuestChange, errors: () => errors };
}

describe('GuestStep', () => {
  it('finds existing guests through their bookings, one entry each, and picks one', async () => {
    const { onGuestChange, api } = setup();
    fireEvent.change(screen.getByLabelText(/Find a guest/), { target: { value: 'an' } });
    const options = await screen.findAllByRole('option', { name: /Anna Schmidt|Ben Anders/ });
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('Anna Schmidt'),
      expect.stringContaining('Ben Anders'),
    ]);
    expect(options[0]!.textContent).toContain('2 bookings');
    expect(api.inputsOf('bookings.list')).toContainEqual({ q: 'an', limit: 100 });
    fireEvent.click(options[0]!);
    expect(onGuestChange).toHaveBeenCalledWith(
      expect.objectContaining({
        id: anna.guest.id,
        name: 'Anna Schmidt',
        bookings: 2,
        lastDate: '2030-07-01',
      }),
    );
  });

  it('starts a new guest from what was typed', async () => {
    setup();
    fireEvent.change(screen.getByLabelText(/Find a guest/), { target: { value: 'Clara Weber' } });
    fireEvent.click(await screen.findByRole('option', { name: /New guest “Clara Weber”/ }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Clara Weber');
  });

  it('checks the phone number as the host leaves the field, and shows how it is saved', async () => {
    const { errors } = setup();
    const phone = screen.getByLabelText('Phone');
    fireEvent.change(phone, { target: { value: '0170 12' } });
    fireEvent.blur(phone);
    await waitFor(() => expect(errors()['guest.phone']).toMatch(/not a valid phone number for DE/));
    fireEvent.change(phone, { target: { value: '0170 1234567' } });
    expect(await screen.findByText('Saved as +491701234567')).toBeTruthy();
  });

  it('says when a new number belongs to a known guest', async () => {
    const { onGuestChange } = setup();
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '0170 1112233' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Book for Anna Schmidt' }));
    expect(onGuestChange).toHaveBeenCalledWith(expect.objectContaining({ id: anna.guest.id }));
  });

  it('shows the chosen guest with a way to change', () => {
    const guest: KnownGuest = { ...anna.guest, bookings: 3, lastDate: '2030-06-01' };
    const { onGuestChange } = setup(guest, guest.id);
    expect(screen.getByText('Anna Schmidt')).toBeTruthy();
    expect(screen.getByText(/3 bookings, last on/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change guest' }));
    expect(onGuestChange).toHaveBeenCalledWith(null);
  });
});
