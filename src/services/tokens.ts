import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ERR, invalidClient, invalidGrant, invalidRequest, invalidToken } from '../http/errors.js';
import type { Ids } from '../ids.js';
import type { Merchant } from '../schemas/fixtures.js';
import type { TokenRequest, TokenResponse } from '../schemas/oauth.js';
import type { Store } from '../store/index.js';
import type { Scope, TokenRecord } from '../store/tokens.js';

export interface ClientCredentials {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
}

type Deps = { store: Store; clock: Clock; ids: Ids; config: Pick<Config, 'tokenTtl' | 'strict'> };

/** Decodes `Authorization: Basic base64(client_id:client_secret)` (the Magento sample, api-notes §8.2). */
export function basicCredentials(header: string | undefined): ClientCredentials | undefined {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { clientId: decoded };
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

const SCOPES: readonly Scope[] = ['merchant', 'customer'];

/** OAuth token issue, refresh and bearer authentication (contract C4, api-notes §2). */
export function createTokenService({ store, clock, ids, config }: Deps) {
  function issue(clientId: string, scope: Scope, grantType: string): TokenResponse {
    const now = clock.now(clientId);
    const record: TokenRecord = {
      access_token: ids.token(),
      refresh_token: ids.token(),
      client_id: clientId,
      scope,
      grant_type: grantType,
      issued_at: now,
      expires_at: now + config.tokenTtl * 1000,
      refresh_used_at: null,
    };
    store.tokens.insert(record);
    return { token_type: 'bearer', access_token: record.access_token, expires_in: config.tokenTtl, refresh_token: record.refresh_token, scope };
  }

  function resolveClient(body: TokenRequest, basic: ClientCredentials | undefined): Merchant {
    if (basic && body.client_id !== undefined && (basic.clientId !== body.client_id || (body.client_secret !== undefined && basic.clientSecret !== body.client_secret))) {
      throw invalidClient(ERR.conflictingClientCredentials);
    }
    const clientId = basic?.clientId ?? body.client_id;
    const clientSecret = basic?.clientSecret ?? body.client_secret;
    if (!clientId) throw invalidClient(ERR.missingClientId);
    const merchant = store.merchants.get(clientId);
    if (!merchant || merchant.client_secret !== clientSecret) throw invalidClient(ERR.badClientCredentials);
    return merchant;
  }

  function parseScope(scope: string | undefined): Scope {
    if (scope === undefined || scope === '') return 'merchant';
    if (!SCOPES.includes(scope as Scope)) throw invalidRequest(ERR.badScope);
    return scope as Scope;
  }

  /**
   * Refresh tokens are single use and only work while their access token is unexpired (api-notes
   * §2.3). Lenient mode also accepts the last access token as `refresh_token`, as Flexiti's own
   * refresh guide tells merchants to send (S12).
   */
  function refresh(body: TokenRequest, basic: ClientCredentials | undefined): TokenResponse {
    if (!body.refresh_token) throw invalidRequest(ERR.missingRefreshToken);
    const record =
      store.tokens.byRefresh(body.refresh_token) ?? (config.strict ? undefined : store.tokens.byAccess(body.refresh_token));
    if (!record) throw invalidGrant(ERR.badRefreshToken);
    if (basic?.clientId !== undefined || body.client_id !== undefined) {
      const merchant = resolveClient(body, basic);
      if (merchant.client_id !== record.client_id) throw invalidGrant(ERR.refreshClientMismatch);
    } else if (!store.merchants.get(record.client_id)) {
      throw invalidGrant(ERR.badRefreshToken);
    }
    const now = clock.now(record.client_id);
    if (record.expires_at <= now) throw invalidGrant(ERR.expiredRefreshToken);
    const scope = body.scope ? parseScope(body.scope) : record.scope;
    return store.transaction(() => {
      if (!store.tokens.useRefresh(record.refresh_token, now)) throw invalidGrant(ERR.usedRefreshToken);
      return issue(record.client_id, scope, 'refresh_token');
    });
  }

  return {
    issue,

    grant(body: TokenRequest, authorization: string | undefined): TokenResponse {
      const basic = basicCredentials(authorization);
      const grantType = body.grant_type || 'client_credentials';
      switch (grantType) {
        case 'client_credentials': {
          const merchant = resolveClient(body, basic);
          return issue(merchant.client_id, parseScope(body.scope), grantType);
        }
        case 'password': {
          const merchant = resolveClient(body, basic);
          if (!body.username || !body.password) throw invalidRequest(ERR.missingUserCredentials);
          if (body.username !== merchant.username || body.password !== merchant.password) throw invalidGrant(ERR.badUserCredentials);
          return issue(merchant.client_id, parseScope(body.scope), grantType);
        }
        case 'refresh_token':
          return refresh(body, basic);
        default:
          throw invalidRequest(ERR.badGrantType);
      }
    },

    /** Resolves a bearer token or throws 401 invalid_token saying why. */
    authenticate(accessToken: string): TokenRecord {
      const record = store.tokens.byAccess(accessToken);
      if (!record || !store.merchants.get(record.client_id)) throw invalidToken(ERR.invalidToken);
      if (record.expires_at <= clock.now(record.client_id)) throw invalidToken(ERR.expiredToken);
      return record;
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
