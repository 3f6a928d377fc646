import type { TGuestCreateInput } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, TestApi } from '../../test/api';
import { fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { serverError } from '../../test/server-error';
import { GuestFormModal } from './GuestFormModal';
import { errorOf, guest, guestId, inputOf } from './test-fixtures';

function setup(onSubmit: (input: TGuestCreateInput) => Promise<unknown>, edit = false) {
  const api = fakeApi({ 'restaurant.get': () => ({ country: 'DE', timezone: 'Europe/Berlin' }) });
  const queryClient = newTestQueryClient();
  const onClose = vi.fn();
  render(
    <TestApi api={api} queryClient={queryClient}>
      <GuestFormModal
        opened
        onClose={onClose}
        onSubmit={onSubmit}
        guest={edit ? guest(3, 'Anna Schmidt', { tags: ['window'], notes: 'Nut allergy' }) : null}
      />
    </TestApi>,
    { queryClient, routerEntries: ['/guests'] },
  );
  const form = () => within(screen.getByRole('form'));
  const type = (label: string, value: string) =>
    fireEvent.change(inputOf(form(), label), { target: { value } });
  return { onClose, form, type };
}

describe('GuestFormModal', () => {
  it('sends every field, empty ones as null, and says how the phone is saved', async () => {
    const onSubmit = vi.fn(async () => {});
    const { onClose, type } = setup(onSubmit);
    type('Name', '  Clara Weber ');
    type('Phone', '0170 5551234');
    expect(await screen.findByText('Saved as +491705551234')).toBeTruthy();
    const tags = inputOf(screen, 'Tags');
    tags.focus();
    fireEvent.change(tags, { target: { value: 'vegan' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Add guest' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Clara Weber',
      phone: '0170 5551234',
      email: null,
      language: null,
      tags: ['vegan'],
      notes: null,
    });
  });

  it('shows a phone that belongs to another guest on the field, with a link to them', async () => {
    const message = '+491701234567 already belongs to Anna Schmidt.';
    const onSubmit = vi.fn(async () => {
      throw serverError({
        code: 'CONFLICT',
        reason: 'DUPLICATE',
        message,
        fieldErrors: { phone: [message] },
        details: { guestId: guestId(3) },
      });
    });
    const { onClose, type } = setup(onSubmit);
    type('Name', 'Anna S.');
    type('Phone', '0170 1234567');
    fireEvent.click(screen.getByRole('button', { name: 'Add guest' }));

    await waitFor(() => expect(errorOf(inputOf(screen, 'Phone'))).toBe(`${message} Open their profile`));
    expect(screen.getByRole('link', { name: 'Open their profile' }).getAttribute('href')).toBe(
      `/guests/${guestId(3)}`,
    );
    expect(onClose).not.toHaveBeenCalled();
    // Field errors need no extra notification.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('checks the phone and the e-mail before asking the server', async () => {
    const onSubmit = vi.fn(async () => {});
    const { type } = setup(onSubmit);
    // (Once the restaurant's country is known.)
    type('Phone', '0170 5551234');
    await screen.findByText('Saved as +491705551234');
    type('Phone', '12');
    fireEvent.blur(inputOf(screen, 'Phone'));
    await waitFor(() =>
      expect(errorOf(inputOf(screen, 'Phone'))).toMatch(/is not a valid phone number for DE/),
    );
    type('Email', 'anna@');
    fireEvent.click(screen.getByRole('button', { name: 'Add guest' }));
    await waitFor(() => expect(errorOf(inputOf(screen, 'Name'))).toBe('Required.'));
    expect(errorOf(inputOf(screen, 'Email'))).toBe('Enter a valid e-mail address.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('edits a guest as they are, and clears what was emptied', async () => {
    const onSubmit = vi.fn(async () => {});
    const { type } = setup(onSubmit, true);
    expect((inputOf(screen, 'Name') as HTMLInputElement).value).toBe('Anna Schmidt');
    type('Notes', '');
    type('Phone', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({
        name: 'Anna Schmidt',
        phone: null,
        email: null,
        language: null,
        tags: ['window'],
        notes: null,
      }),
    );
  });
});
