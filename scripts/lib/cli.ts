import { createTobeoutClient } from '@tobeout/server';

/** The typed client for a job, from TOBEOUT_URL (default http://localhost:3000) and TOBEOUT_TOKEN. */
export function clientFromEnv() {
  const token = process.env.TOBEOUT_TOKEN;
  if (!token) {
    console.error('Set TOBEOUT_TOKEN to an API token (Settings → API tokens in the dashboard).');
    process.exit(2);
  }
  return createTobeoutClient({ url: process.env.TOBEOUT_URL ?? 'http://localhost:3000', token });
}
