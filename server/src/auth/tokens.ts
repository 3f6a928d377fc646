import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'tbo_';

/** A new API token: 32 random bytes, base64url, recognisable by its prefix. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

/** Tokens are high-entropy, so a fast hash is enough (and lookups stay O(1) by index). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 20 && value.length < 200;
}
