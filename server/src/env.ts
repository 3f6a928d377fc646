import { z } from 'zod';

/** The one place process.env is read. Every variable is documented in .env.example. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default('./.data'),
  TOBEOUT_ADMIN_EMAIL: z.email().default('admin@tobeout.local'),
  TOBEOUT_ADMIN_PASSWORD: z
    .string()
    .min(10)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Seed a demo restaurant on the first start (set to 0 for an empty production database). */
  TOBEOUT_SEED_DEMO: z.enum(['0', '1']).default('1'),
  /** Extra origins allowed to send cookie-authenticated mutations (comma-separated). */
  TOBEOUT_ALLOWED_ORIGINS: z.string().default(''),
  /** Trust X-Forwarded-For/-Proto from a reverse proxy (client IP, HTTPS detection). */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** 0 = no live publishing: commits are not announced and streams do not poll. Only to measure what publishing costs. */
  TOBEOUT_LIVE_PUBLISH: z.enum(['0', '1']).default('1'),
  /** Folder of the built web client (default: client/dist of this repo). */
  CLIENT_DIST: z.string().optional(),
});

export type Env = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
