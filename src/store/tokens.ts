import type { Db } from './open.js';

export type Scope = 'merchant' | 'customer';

export interface TokenRecord {
  access_token: string;
  refresh_token: string;
  client_id: string;
  scope: Scope;
  grant_type: string;
  issued_at: number;
  expires_at: number;
  refresh_used_at: number | null;
}

const COLUMNS = 'access_token, refresh_token, client_id, scope, grant_type, issued_at, expires_at, refresh_used_at';

export function createTokenStore(db: Db) {
  const statements = {
    insert: db.prepare<[TokenRecord]>(
      `INSERT INTO tokens (${COLUMNS}) VALUES (@access_token, @refresh_token, @client_id, @scope, @grant_type, @issued_at, @expires_at, @refresh_used_at)`,
    ),
    byAccess: db.prepare<[string], TokenRecord>(`SELECT ${COLUMNS} FROM tokens WHERE access_token = ?`),
    byRefresh: db.prepare<[string], TokenRecord>(`SELECT ${COLUMNS} FROM tokens WHERE refresh_token = ?`),
    /** Single use: only the first caller flips refresh_used_at. */
    useRefresh: db.prepare<[number, string]>('UPDATE tokens SET refresh_used_at = ? WHERE refresh_token = ? AND refresh_used_at IS NULL'),
    removeForClient: db.prepare<[string]>('DELETE FROM tokens WHERE client_id = ?'),
    removeExpiredBefore: db.prepare<[number]>('DELETE FROM tokens WHERE expires_at < ?'),
  };

  return {
    insert: (record: TokenRecord) => void statements.insert.run(record),
    byAccess: (accessToken: string) => statements.byAccess.get(accessToken),
    byRefresh: (refreshToken: string) => statements.byRefresh.get(refreshToken),
    useRefresh: (refreshToken: string, now: number) => statements.useRefresh.run(now, refreshToken).changes > 0,
    removeForClient: (clientId: string) => statements.removeForClient.run(clientId).changes,
    removeExpiredBefore: (epochMs: number) => statements.removeExpiredBefore.run(epochMs).changes,
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
