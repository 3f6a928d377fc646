import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { serverError } from '../../test/server-error';
import { LoginForm } from './LoginForm';

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
}

describe('LoginForm', () => {
  it('shows a field error for a bad e-mail and does not submit', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<LoginForm onSubmit={onSubmit} />);
    fill('not-an-email', 'secret-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter a valid e-mail address.')).toBeTruthy();
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits the parsed values (e-mail trimmed and lower-cased)', async () => {
    const onSubmit = vi.fn(async () => {});
    render(<LoginForm onSubmit={onSubmit} />);
    fill('  Anna@Example.COM ', 'secret-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ email: 'anna@example.com', password: 'secret-password' }),
    );
  });

  it('shows a wrong password as an alert', async () => {
    const onSubmit = vi.fn(async () => {
      throw serverError({
        code: 'UNAUTHORIZED',
        reason: 'INVALID_CREDENTIALS',
        message: 'Wrong e-mail or password.',
      });
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill('anna@example.com', 'wrong-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not sign in');
    expect(alert.textContent).toContain('Wrong e-mail or password.');
  });

  it('explains TOO_MANY_REQUESTS', async () => {
    const onSubmit = vi.fn(async () => {
      throw serverError({
        code: 'TOO_MANY_REQUESTS',
        reason: 'RATE_LIMITED',
        message: 'Try again in 60 seconds.',
      });
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill('anna@example.com', 'whatever-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many attempts');
    expect(alert.textContent).toContain('Wait a minute');
  });
});
