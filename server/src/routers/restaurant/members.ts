import { ZMember, ZMemberAddInput, ZMemberRemoveInput, ZMemberUpdateRoleInput } from '@tobeout/shared';
import { z } from 'zod';
import { addMember, listMembers, removeMember, updateMemberRole } from '../../domain/members/members';
import { restaurantProcedure, router } from '../../trpc/init';

/** Users and roles: managers may see the team, owners change it. */
export const membersRouter = router({
  list: restaurantProcedure('manager')
    .output(z.array(ZMember))
    .query(({ ctx }) => listMembers(ctx.deps, ctx.scope)),
  add: restaurantProcedure('owner')
    .input(ZMemberAddInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => addMember(ctx.deps, ctx.scope, input)),
  updateRole: restaurantProcedure('owner')
    .input(ZMemberUpdateRoleInput)
    .output(ZMember)
    .mutation(({ ctx, input }) => updateMemberRole(ctx.deps, ctx.scope, input)),
  remove: restaurantProcedure('owner')
    .input(ZMemberRemoveInput)
    .mutation(({ ctx, input }) => removeMember(ctx.deps, ctx.scope, input.userId)),
});
