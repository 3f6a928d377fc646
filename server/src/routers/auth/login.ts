import { ZLoginInput, ZMeOutput } from '@tobeout/shared';
import { serializeSessionCookie } from '../../auth/lucia';
import { authenticate } from '../../domain/auth/login';
import { getMe } from '../../domain/auth/me';
import { publicProcedure } from '../../trpc/init';

/** Signs in: a new session every time (the old one, if any, is invalidated). */
export const login = publicProcedure
  .input(ZLoginInput)
  .output(ZMeOutput)
  .mutation(async ({ ctx, input }) => {
    const { userId, activeRestaurantId } = await authenticate(ctx.deps.db, input, ctx.req.ip);
    if (ctx.principal?.kind === 'session') await ctx.lucia.invalidateSession(ctx.principal.session.id);
    const session = await ctx.lucia.createSession(userId, { activeRestaurantId });
    ctx.req.setCookie(serializeSessionCookie(ctx.lucia.createSessionCookie(session.id), ctx.req.secure));
    const { user } = await ctx.lucia.validateSession(session.id);
    return getMe(ctx.deps.db, user!, activeRestaurantId);
  });
