import type { TDomainReason, TRole } from '@tobeout/shared';
import { getTRPCErrorFromUnknown, initTRPC, type TRPCError, type TRPCProcedureType } from '@trpc/server';
import { verifyRequestOrigin } from 'lucia';
import type { Principal } from '../auth/principal';
import { scopeOf } from '../auth/scope';
import { AppError } from '../domain/errors';
import type { Context } from './context';
import { fieldErrorsOf, toTRPCError } from './errors';
import { transformer } from './transformer';

/**
 * Server-sent events (events.stream, served by http/event-stream.ts with tRPC's protocol).
 * Heartbeats keep proxies (default idle timeouts of 30–60 s) from cutting idle streams; a client
 * that hears nothing for 40 s reconnects.
 */
export const SSE = {
  ping: { enabled: true, intervalMs: 15_000 },
  client: { reconnectAfterInactivityMs: 40_000 },
};

const t = initTRPC.context<Context>().create({
  transformer, // superjson on the wire (see ./transformer)
  isDev: false, // never send stack traces
  sse: SSE,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const reason: TDomainReason =
      cause instanceof AppError
        ? cause.reason
        : error.code === 'BAD_REQUEST'
          ? 'VALIDATION'
          : (reasonOfCode[error.code] ?? 'INTERNAL');
    const fieldErrors = internal ? undefined : fieldErrorsOf(cause);
    return {
      message: internal
        ? 'Something went wrong on our side. Please try again.'
        : cause instanceof AppError || !fieldErrors
          ? shape.message
          : summarize(fieldErrors),
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        reason,
        fieldErrors,
        details: cause instanceof AppError ? cause.details : undefined,
      },
    };
  },
});

/** 'timezone: Unknown time zone…; slotIntervalMin: Choose…' — readable by a person or an agent. */
function summarize(fieldErrors: Record<string, string[]>): string {
  const parts = Object.entries(fieldErrors).map(([path, msgs]) => (path ? `${path}: ${msgs[0]}` : msgs[0]));
  return `Invalid input — ${parts.join('; ')}`;
}

const reasonOfCode: Partial<Record<TRPCError['code'], TDomainReason>> = {
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'ROLE_REQUIRED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'DUPLICATE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
};

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * CSRF: a mutation that does not carry a Bearer token (so it relies on the cookie, or is the
 * login that sets it) must come from our own origin.
 */
function checkOrigin(ctx: Context, type: TRPCProcedureType): void {
  if (type === 'mutation' && !ctx.req.authorization) {
    const allowed = [...(ctx.req.host ? [ctx.req.host] : []), ...ctx.allowedOrigins];
    if (!ctx.req.origin || !verifyRequestOrigin(ctx.req.origin, allowed)) {
      throw new AppError(
        'ORIGIN_MISMATCH',
        'This request did not come from the ToBeOut app (origin check failed).',
      );
    }
  }
}

function principalOf(ctx: Context): Principal {
  if (!ctx.principal) {
    if (ctx.authFailure === 'INVALID_TOKEN')
      throw new AppError('INVALID_TOKEN', 'The API token is invalid or revoked.');
    if (ctx.authFailure === 'SESSION_EXPIRED')
      throw new AppError('SESSION_EXPIRED', 'Your session has expired. Sign in again.');
    throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  }
  return ctx.principal;
}

/**
 * What every call goes through, as ONE middleware: the origin check, then `admit` (the caller's
 * authentication and restaurant scope, added to the context), then the procedure, whose domain
 * errors and escaped constraint violations become proper tRPC codes. tRPC copies its call options
 * at every middleware level, and the context whenever one adds to it: as four middlewares this
 * was ~15 % of a cached availability.check's server CPU.
 */
function guarded<Added extends object>(admit: (ctx: Context) => Added | Promise<Added>) {
  return t.procedure.use(async ({ ctx, type, next }) => {
    let added: Added;
    try {
      checkOrigin(ctx, type);
      added = await admit(ctx);
    } catch (cause) {
      throw toTRPCError(getTRPCErrorFromUnknown(cause));
    }
    const result = await next({ ctx: added });
    if (!result.ok) throw toTRPCError(result.error);
    return result;
  });
}

export const publicProcedure = guarded(() => ({}));

export const authedProcedure = guarded((ctx) => ({ principal: principalOf(ctx) }));

/**
 * A procedure scoped to one restaurant, which comes from the token or the session's active
 * restaurant (checked against memberships on every call) — never from input.
 */
export function restaurantProcedure(required: TRole) {
  return guarded(async (ctx) => {
    const principal = principalOf(ctx);
    return { principal, scope: await scopeOf(ctx.deps.db, principal, required) };
  });
}
