import { z } from 'zod';
import { ROLES } from '../domain/enums';
import { ZEmail, ZUuid } from './common';

export const ZLoginInput = z.object({
  email: ZEmail,
  password: z.string().min(1, { error: 'Enter your password.' }).max(256),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZMembershipSummary = z.object({
  restaurantId: ZUuid,
  restaurantName: z.string(),
  role: z.enum(ROLES),
});

export const ZMeOutput = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  /** 'session' for the dashboard, 'token' for scripts and agents. */
  via: z.enum(['session', 'token']).nullable(),
  memberships: z.array(ZMembershipSummary),
  activeRestaurant: ZMembershipSummary.nullable(),
});
export type TMeOutput = z.infer<typeof ZMeOutput>;

export const ZSwitchRestaurantInput = z.object({ restaurantId: ZUuid });
