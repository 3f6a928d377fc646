import { type Database, loginAttempts } from '@tobeout/db';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { AppError } from '../domain/errors';

/** Failed logins allowed per window, per account and per client IP. */
export const LOGIN_LIMITS = { windowMin: 15, perAccount: 5, perIp: 30 } as const;

const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Login throttling kept in the database, so it holds across server processes and restarts.
 * Refuses before the password is even checked once a key is over its limit.
 */
export async function assertLoginAllowed(db: Database, email: string, ip: string): Promise<void> {
  const since = sql`now() - make_interval(mins => ${LOGIN_LIMITS.windowMin})`;
  const failures = async (key: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
    return row?.n ?? 0;
  };
  const [perAccount, perIp] = await Promise.all([failures(accountKey(email)), failures(ipKey(ip))]);
  if (perAccount >= LOGIN_LIMITS.perAccount || perIp >= LOGIN_LIMITS.perIp) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-in attempts. Wait ${LOGIN_LIMITS.windowMin} minutes and try again.`,
      { details: { retryAfterSec: LOGIN_LIMITS.windowMin * 60 } },
    );
  }
}

export async function recordLoginFailure(db: Database, email: string, ip: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values([{ key: accountKey(email) }, { key: ipKey(ip) }]);
    // Keep the table small: forget attempts older than a day.
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
  });
}

export async function clearLoginFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, accountKey(email)));
}
