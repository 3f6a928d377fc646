import { z } from 'zod';
import { ROLES } from '../domain/enums';
import { ZEmail, ZName, ZPassword, ZUuid } from './common';

export const ZRole = z.enum(ROLES, { error: 'Choose owner, manager or staff.' });

export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.date(),
});
export type TMember = z.infer<typeof ZMember>;

/** Adds a member: an existing account (by e-mail) joins; a new one is created with a first password. */
export const ZMemberAddInput = z.object({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  password: ZPassword.optional(),
});
export const ZMemberUpdateRoleInput = z.object({ userId: z.string().min(1), role: ZRole });
export const ZMemberRemoveInput = z.object({ userId: z.string().min(1) });

export const ZApiToken = z.object({
  id: ZUuid,
  name: z.string(),
  role: ZRole,
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenCreateInput = z.object({ name: ZName, role: ZRole });
/** The secret is in this response only; it is stored hashed. */
export const ZApiTokenCreated = z.object({ token: z.string(), apiToken: ZApiToken });
export const ZApiTokenRevokeInput = z.object({ id: ZUuid });
