import type { TDomainReason } from '@tobeout/shared';
import { TRPCClientError } from '@trpc/client';

const JSON_RPC_CODES: Record<string, number> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  TOO_MANY_REQUESTS: -32029,
  INTERNAL_SERVER_ERROR: -32603,
};

/** A TRPCClientError shaped like our server's (see server/src/trpc/init.ts errorFormatter). */
export function serverError(opts: {
  code: keyof typeof JSON_RPC_CODES;
  message: string;
  reason?: TDomainReason;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, unknown>;
}): TRPCClientError<never> {
  return new TRPCClientError(opts.message, {
    result: {
      error: {
        code: JSON_RPC_CODES[opts.code] ?? -32603,
        message: opts.message,
        data: {
          code: opts.code,
          httpStatus: 400,
          path: 'x',
          reason: opts.reason,
          fieldErrors: opts.fieldErrors,
          details: opts.details,
        },
      },
    },
  } as never);
}
