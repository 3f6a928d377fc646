import { useForm } from '@mantine/form';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serverError } from '../test/server-error';
import { errorMessage, handleServerError } from './errors';

describe('handleServerError', () => {
  it('puts fieldErrors on the form fields by dotted path', () => {
    const { result } = renderHook(() =>
      useForm({ initialValues: { name: '', services: [{ start: '12:00' }, { start: '13:00' }] } }),
    );
    const notify = vi.fn();
    const error = serverError({
      code: 'BAD_REQUEST',
      reason: 'VALIDATION',
      message: 'Invalid input',
      fieldErrors: {
        name: ['Required.'],
        'services.1.start': ['Overlaps another service.', 'Second problem.'],
      },
    });

    let handled = false;
    act(() => {
      handled = handleServerError(error, result.current, notify);
    });

    expect(handled).toBe(true);
    expect(result.current.errors).toEqual({
      name: 'Required.',
      'services.1.start': 'Overlaps another service. Second problem.',
    });
    expect(notify).not.toHaveBeenCalled();
  });

  it('notifies form-level ("") errors as well as setting field errors', () => {
    const { result } = renderHook(() => useForm({ initialValues: { name: '' } }));
    const notify = vi.fn();
    act(() => {
      handleServerError(
        serverError({
          code: 'BAD_REQUEST',
          message: 'x',
          fieldErrors: { '': ['The whole thing is off.'], name: ['Bad.'] },
        }),
        result.current,
        notify,
      );
    });
    expect(result.current.errors).toEqual({ name: 'Bad.' });
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ message: 'The whole thing is off.' }));
  });

  it('without fieldErrors shows the message as a notification', () => {
    const { result } = renderHook(() => useForm({ initialValues: { name: '' } }));
    const notify = vi.fn();
    act(() => {
      handleServerError(
        serverError({
          code: 'CONFLICT',
          reason: 'LAST_OWNER',
          message: 'A restaurant needs at least one owner.',
        }),
        result.current,
        notify,
      );
    });
    expect(result.current.errors).toEqual({});
    expect(notify).toHaveBeenCalledWith({
      title: 'A restaurant needs an owner',
      message: 'A restaurant needs at least one owner.',
      color: 'red',
    });
  });

  it('says so when the server cannot be reached', () => {
    expect(errorMessage(serverError({ code: 'BAD_REQUEST', message: 'x' }))).toBe('x');
    const network = new (
      serverError({ code: 'BAD_REQUEST', message: 'x' }).constructor as new (
        m: string,
      ) => Error
    )('Failed to fetch');
    expect(errorMessage(network)).toMatch(/Cannot reach the ToBeOut server/);
  });
});
