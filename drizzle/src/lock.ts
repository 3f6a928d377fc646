import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already in use by another ToBeOut process. ` +
        'PGlite allows one process per data folder: stop the other process, use another DATA_DIR, ' +
        'or set DATABASE_URL to let several processes share a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes an exclusive lock on the PGlite data folder (a `<dir>.lock` folder whose mtime the
 * holder refreshes; a crashed holder's lock goes stale after 10 s). Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      stale: 10_000,
      update: 2_000,
      onCompromised: (err) => {
        // Another process took the folder over: continuing would corrupt it.
        console.error(`[db] lost the lock on ${dataDir}: ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dataDir);
    throw err;
  }
}
