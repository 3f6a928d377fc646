import type { TGuestUpdateInput } from '@tobeout/shared';
import { trpc } from '../../app/trpc';

/**
 * guests.update for one guest's profile. Tags and notes show at once (optimistic) and go back if
 * the server refuses; the saved guest then replaces them. The caller shows errors.
 */
export function useGuestUpdate(id: string) {
  const utils = trpc.useUtils();
  return trpc.guests.update.useMutation({
    onMutate: async (input: TGuestUpdateInput) => {
      await utils.guests.get.cancel({ id });
      const before = utils.guests.get.getData({ id });
      utils.guests.get.setData({ id }, (g) =>
        g
          ? {
              ...g,
              ...(input.tags ? { tags: input.tags } : {}),
              ...(input.notes !== undefined ? { notes: input.notes?.trim() || null } : {}),
            }
          : g,
      );
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) utils.guests.get.setData({ id }, context.before);
    },
    onSuccess: (saved) => utils.guests.get.setData({ id }, (g) => (g ? { ...g, ...saved } : g)),
    onSettled: () => utils.guests.list.invalidate(),
  });
}
