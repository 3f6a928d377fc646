import { fileURLToPath } from 'node:url';
import { createDb, DataDirLockedError } from '@tobeout/db';
import { createApp } from './app';
import { readEnv } from './env';
import { seedFirstRun } from './seed/demo';

/** `npm start`: open (and migrate) the database, seed on first run, serve. */
async function main() {
  const env = readEnv();
  const db = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  const firstRun = await seedFirstRun(db.db, {
    email: env.TOBEOUT_ADMIN_EMAIL,
    password: env.TOBEOUT_ADMIN_PASSWORD,
    demo: env.TOBEOUT_SEED_DEMO === '1',
  });
  const app = await createApp({
    db,
    allowedOrigins: env.TOBEOUT_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    clientDist: env.CLIENT_DIST ?? fileURLToPath(new URL('../../client/dist', import.meta.url)),
    trustProxy: env.TRUST_PROXY === '1',
    livePublish: env.TOBEOUT_LIVE_PUBLISH === '1',
  });
  const address = await app.listen(env.PORT, env.HOST);
  const level = await db.migrationLevel();
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  console.log(`ToBeOut is running at http://${shownHost}:${address.port}`);
  console.log(
    `  database: ${db.kind === 'pglite' ? `embedded PGlite in ${env.DATA_DIR} (development only; use DATABASE_URL for production)` : 'PostgreSQL'} · migration ${level.latest}`,
  );
  if (firstRun) {
    console.log(`  First start: created "${firstRun.restaurantName}" and its owner account.`);
    console.log(`  Sign in with  e-mail: ${firstRun.email}`);
    console.log(
      firstRun.generated
        ? `                password: ${firstRun.password}   (shown once; set TOBEOUT_ADMIN_PASSWORD to choose it)`
        : '                password: the one in TOBEOUT_ADMIN_PASSWORD',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing requests, closing streams and the database…`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) console.error(`\n${err.message}\n`);
  else console.error(err);
  process.exit(1);
});
