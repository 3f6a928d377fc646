import { serializeSessionCookie } from '../../auth/lucia';
import { publicProcedure } from '../../trpc/init';

export const logout = publicProcedure.mutation(async ({ ctx }) => {
  if (ctx.principal?.kind === 'session') await ctx.lucia.invalidateSession(ctx.principal.session.id);
  ctx.req.setCookie(serializeSessionCookie(ctx.lucia.createBlankSessionCookie(), ctx.req.secure));
  return { ok: true as const };
});
