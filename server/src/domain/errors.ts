import type { TDomainReason } from '@tobeout/shared';

/**
 * The domain layer's only error type. It carries a machine-readable reason, an optional map
 * of field errors (dotted path → messages) and details (e.g. alternatives for a taken slot).
 * The tRPC layer maps reason → HTTP/tRPC code in one place (trpc/errors.ts).
 */
export class AppError extends Error {
  constructor(
    readonly reason: TDomainReason,
    message: string,
    readonly options: { fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get fieldErrors() {
    return this.options.fieldErrors;
  }

  get details() {
    return this.options.details;
  }

  /** A validation error on one field. */
  static field(path: string, message: string, reason: TDomainReason = 'VALIDATION'): AppError {
    return new AppError(reason, message, { fieldErrors: { [path]: [message] } });
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found.`);
  }
}
