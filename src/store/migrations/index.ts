import type { Db } from '../open.js';
import { initSchema } from './001-init.js';

/** Migrations in order; migration N brings `PRAGMA user_version` from N-1 to N. Never edit a released one. */
export const MIGRATIONS: readonly string[] = [initSchema];

/** Applies pending migrations, each in its own transaction. Returns the resulting version. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`Database schema version ${current} is newer than this flexiti-mock (${migrations.length}); upgrade flexiti-mock or use another database file.`);
  }
  for (let version = current; version < migrations.length; version++) {
    const sql = migrations[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return migrations.length;
}
