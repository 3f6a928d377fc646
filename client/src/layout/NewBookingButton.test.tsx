import { describe, expect, it } from 'vitest';
import { check, grid, renderWithApi } from '../features/wizard/test-fixtures';
import { fireEvent, screen } from '../test/render';
import { NewBookingButton } from './NewBookingButton';

const api = {
  'availability.grid': () => grid(),
  'availability.check': () => check({ slots: [] }),
};

describe('NewBookingButton', () => {
  it('opens the (lazily loaded) booking wizard', async () => {
    renderWithApi(<NewBookingButton />, api);
    fireEvent.click(screen.getAllByRole('button', { name: 'New booking' })[0]!);
    expect(await screen.findByRole('dialog', { name: 'New booking' })).toBeTruthy();
  });

  it('opens it with N, but not while typing', async () => {
    renderWithApi(
      <>
        <input aria-label="Somewhere to type" />
        <NewBookingButton />
      </>,
      api,
    );
    fireEvent.keyDown(screen.getByLabelText('Somewhere to type'), { key: 'n', code: 'KeyN' });
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(await screen.findByRole('dialog', { name: 'New booking' })).toBeTruthy();
  });

  it('opens it with Ctrl+B (⌘B on a Mac), also while typing', async () => {
    renderWithApi(
      <>
        <input aria-label="Search" />
        <NewBookingButton />
      </>,
      api,
    );
    fireEvent.keyDown(screen.getByLabelText('Search'), { key: 'b', code: 'KeyB', ctrlKey: true });
    expect(await screen.findByRole('dialog', { name: 'New booking' })).toBeTruthy();
  });
});
