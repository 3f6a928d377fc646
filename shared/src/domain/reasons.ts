/**
 * Machine-readable reasons carried by every domain error (`error.data.reason`), so a form, a
 * script or an AI agent can react without parsing messages.
 */
export const DOMAIN_REASONS = [
  'VALIDATION',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_TOKEN',
  'ORIGIN_MISMATCH',
  'RATE_LIMITED',
  'NOT_A_MEMBER',
  'NO_RESTAURANT',
  'ROLE_REQUIRED',
  'NOT_FOUND',
  'DUPLICATE',
  'LAST_OWNER',
  'IN_USE',
  'NO_AVAILABILITY',
  'PACING',
  'HOLD_EXPIRED',
  'INVALID_TRANSITION',
  'ROLE_ABOVE_OWN',
  'INVALID_CURSOR',
  'VERSION_CONFLICT',
  'SLOT_TAKEN',
  'IDEMPOTENCY_MISMATCH',
  'INTERNAL',
] as const;
export type TDomainReason = (typeof DOMAIN_REASONS)[number];
