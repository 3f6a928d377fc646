import { notifications } from '@mantine/notifications';
import type { TDomainReason } from '@tobeout/shared';
import { TRPCClientError } from '@trpc/client';
import type { ReactNode } from 'react';

/** The `data` our server's error formatter adds to every error (see server/src/trpc/init.ts). */
export type ServerErrorData = {
  code?: string;
  httpStatus?: number;
  reason?: TDomainReason;
  /** Keyed by dotted input path; '' is about the whole input. */
  fieldErrors?: Record<string, string[]>;
  /** Extra facts for the caller, by reason (SLOT_TAKEN: alternatives; VERSION_CONFLICT: current). */
  details?: Record<string, unknown>;
};

/** The part of a Mantine form this module needs (so any form, or a test double, fits). */
export type FormWithErrors = { setErrors: (errors: Record<string, ReactNode>) => void };

type Notify = (n: { title: string; message: string; color: string }) => void;

const defaultNotify: Notify = (n) => {
  notifications.show({ ...n, autoClose: 6000 });
};

/** True for errors from the tRPC client (also across bundle copies, by name). */
export function isClientError(error: unknown): error is TRPCClientError<never> {
  return error instanceof TRPCClientError || (error instanceof Error && error.name === 'TRPCClientError');
}

/**
 * A change this tab refused to send because it is offline (see offlineLink in app/trpc.ts): it
 * never reached the server, so nothing half-happened and the form still holds what was entered.
 */
export class OfflineError extends Error {
  override name = 'OfflineError';
  constructor(
    message = 'You are offline: this change was not sent. Changes are paused until the connection is back; nothing you entered is lost.',
  ) {
    super(message);
  }
}

/** True for a change refused while offline (also once tRPC wrapped it in a TRPCClientError). */
export function isOfflineError(error: unknown): boolean {
  if (error instanceof OfflineError) return true;
  return isClientError(error) && (error.cause as { name?: unknown } | undefined)?.name === 'OfflineError';
}

export function serverErrorData(error: unknown): ServerErrorData | undefined {
  if (isClientError(error))
    return ((error as { data?: unknown }).data ?? undefined) as ServerErrorData | undefined;
  return undefined;
}

export function errorCode(error: unknown): string | undefined {
  return serverErrorData(error)?.code;
}

/** A short title for a failed request, by tRPC code. */
export function errorTitle(error: unknown): string {
  if (isOfflineError(error)) return 'You are offline';
  const reason = serverErrorData(error)?.reason;
  if (reason === 'INVALID_CREDENTIALS') return 'Could not sign in';
  if (reason === 'SESSION_EXPIRED') return 'Session expired';
  if (reason === 'LAST_OWNER') return 'A restaurant needs an owner';
  if (reason === 'IN_USE') return 'Still in use';
  if (reason === 'SLOT_TAKEN') return 'That time is taken';
  if (reason === 'NO_AVAILABILITY') return 'Not available';
  if (reason === 'VERSION_CONFLICT') return 'Changed by someone else';
  if (reason === 'INVALID_TRANSITION') return 'Not possible now';
  switch (errorCode(error)) {
    case 'TOO_MANY_REQUESTS':
      return 'Too many attempts';
    case 'UNAUTHORIZED':
      return 'Not signed in';
    case 'FORBIDDEN':
      return 'Not allowed';
    case 'NOT_FOUND':
      return 'Not found';
    case 'CONFLICT':
      return 'Could not save';
    case 'BAD_REQUEST':
      return 'Please check the form';
    default:
      return 'Something went wrong';
  }
}

/** A message people can act on. Network failures have no `data` and a technical message. */
export function errorMessage(error: unknown): string {
  const data = serverErrorData(error);
  if (data?.code === 'TOO_MANY_REQUESTS') {
    return `Too many attempts in a short time. Wait a minute, then try again.${
      error instanceof Error && error.message ? ` (${error.message})` : ''
    }`;
  }
  if (isOfflineError(error)) return error instanceof Error ? error.message : new OfflineError().message;
  if (isClientError(error) && !data) {
    return 'Cannot reach the ToBeOut server. Check your connection and try again.';
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Shows a server error where it belongs: field errors next to their fields (keys are dotted
 * paths such as `services.3.start`, the same paths Mantine forms use), everything else (and
 * whole-input errors under '') as a notification. Returns true when field errors were set.
 */
export function handleServerError(
  error: unknown,
  form?: FormWithErrors | null,
  notify: Notify = defaultNotify,
): boolean {
  const fieldErrors = serverErrorData(error)?.fieldErrors;
  const { '': formLevel, ...byField } = fieldErrors ?? {};
  const hasFieldErrors = Object.keys(byField).length > 0;
  if (form && hasFieldErrors) {
    form.setErrors(
      Object.fromEntries(Object.entries(byField).map(([path, messages]) => [path, messages.join(' ')])),
    );
    if (formLevel?.length) notify({ title: errorTitle(error), message: formLevel.join(' '), color: 'red' });
    return true;
  }
  notify({
    title: errorTitle(error),
    message: formLevel?.length ? formLevel.join(' ') : errorMessage(error),
    color: isOfflineError(error) ? 'orange' : 'red',
  });
  return false;
}

/** Success toast for a finished mutation. */
export function notifySuccess(message: string, title = 'Saved') {
  notifications.show({ title, message, color: 'teal', autoClose: 3000 });
}

/** Something people should know about that is not a failure of theirs (e.g. someone else's change). */
export function notifyWarning(message: string, title: string) {
  notifications.show({ title, message, color: 'orange', autoClose: 8000 });
}

/** Server errors on single items of a list ('tableIds.2') shown on the list's one field. */
export function collapseListErrors(
  errors: Record<string, ReactNode>,
  list: string,
): Record<string, ReactNode> {
  const out: Record<string, ReactNode> = {};
  const onList: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${list}.`)) onList.push(String(message));
    else out[path] = message;
  }
  if (onList.length > 0)
    out[list] = [...new Set([...(out[list] ? [String(out[list])] : []), ...onList])].join(' ');
  return out;
}
