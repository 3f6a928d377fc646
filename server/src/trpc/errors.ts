import { pgErrorCode } from '@tobeout/db';
import type { TDomainReason } from '@tobeout/shared';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { AppError } from '../domain/errors';

/** The one mapping from domain reasons to tRPC (and so HTTP) codes. */
const CODE_OF: Record<TDomainReason, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: 'BAD_REQUEST',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  SESSION_EXPIRED: 'UNAUTHORIZED',
  INVALID_TOKEN: 'UNAUTHORIZED',
  ORIGIN_MISMATCH: 'FORBIDDEN',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  NOT_A_MEMBER: 'FORBIDDEN',
  NO_RESTAURANT: 'FORBIDDEN',
  ROLE_REQUIRED: 'FORBIDDEN',
  ROLE_ABOVE_OWN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  DUPLICATE: 'CONFLICT',
  LAST_OWNER: 'CONFLICT',
  IN_USE: 'CONFLICT',
  NO_AVAILABILITY: 'CONFLICT',
  PACING: 'CONFLICT',
  HOLD_EXPIRED: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  INVALID_CURSOR: 'BAD_REQUEST',
  VERSION_CONFLICT: 'CONFLICT',
  SLOT_TAKEN: 'CONFLICT',
  IDEMPOTENCY_MISMATCH: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/**
 * Turns what a procedure threw into a TRPCError with the right code. Database constraint
 * violations that escaped the domain layer still become a 4xx, never a 500.
 */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof AppError)
    return new TRPCError({ code: CODE_OF[cause.reason], message: cause.message, cause });
  const sqlState = pgErrorCode(cause);
  const mapped = sqlState ? fromSqlState(sqlState) : null;
  return mapped
    ? new TRPCError({
        code: CODE_OF[mapped.reason],
        message: mapped.message,
        cause: new AppError(mapped.reason, mapped.message),
      })
    : error;
}

function fromSqlState(code: string): { reason: TDomainReason; message: string } | null {
  switch (code) {
    case '23505':
      return { reason: 'DUPLICATE', message: 'This already exists.' };
    case '23P01':
    case '40P01':
      return { reason: 'SLOT_TAKEN', message: 'That table is already taken at this time.' };
    case '40001':
      return {
        reason: 'VERSION_CONFLICT',
        message: 'Someone else changed this at the same moment. Try again.',
      };
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
      return { reason: 'VALIDATION', message: 'A value is out of its allowed range.' };
    case '23503':
      return { reason: 'NOT_FOUND', message: 'Something this refers to does not exist.' };
    default:
      return null;
  }
}

type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

/** Field errors keyed by dotted path ('' = the whole input), from zod/standard-schema issues. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | undefined {
  if (cause instanceof AppError) return cause.fieldErrors;
  const issues = (cause as { issues?: Issue[] } | undefined)?.issues;
  if (!Array.isArray(issues)) return undefined;
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = (issue.path ?? [])
      .map((p) => String(typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
      .join('.');
    out[path] = [...(out[path] ?? []), issue.message];
  }
  return out;
}
