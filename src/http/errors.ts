/**
 * Flexiti's error envelope, `{code, error, error_description}` with `code` equal to the HTTP
 * status (contract C4; api-notes §2.5, §3.1). Texts are constants so tests can reuse them.
 */
export interface ErrorEnvelope {
  code: number;
  error: string;
  error_description: string;
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'ApiError';
  }

  toEnvelope(): ErrorEnvelope {
    return { code: this.statusCode, error: this.error, error_description: this.description };
  }
}

/** Error descriptions; the documented ones are Flexiti's words (api-notes §2.5). */
export const ERR = {
  invalidJson: 'The request body is not valid JSON.',
  emptyBody: 'The request body is empty.',
  formOnly: 'The token request must be sent as application/x-www-form-urlencoded.',
  badGrantType: 'Invalid or missing grant_type parameter',
  missingClientId: 'Invalid or missing client_id parameter',
  badClientCredentials: 'Client credentials are invalid',
  conflictingClientCredentials: 'Client credentials were sent both in the body and in the Authorization header, and they differ.',
  badUserCredentials: 'Invalid username and password combination',
  missingUserCredentials: 'The password grant needs username and password parameters.',
  missingRefreshToken: 'Missing refresh_token parameter',
  badRefreshToken: 'The refresh token provided is invalid.',
  usedRefreshToken: 'The refresh token has already been used.',
  expiredRefreshToken: 'The access token this refresh token belongs to has expired; request a new token.',
  refreshClientMismatch: 'The refresh token was issued to another client.',
  badScope: 'Invalid scope: use merchant or customer.',
  missingToken: 'Missing access token: send Authorization: Bearer <access_token>.',
  invalidToken: 'The access token provided is invalid.',
  expiredToken: 'The access token provided has expired.',
  insufficientScope: 'Insufficient scope: authorized scope is insufficient',
  otherClient: 'Insufficient scope: the access token was issued to another client_id than the one in the path.',
  customerScope: 'Insufficient scope: a customer-scope token cannot call merchant endpoints.',
  missingReferenceId: 'Missing x-reference-id header (a GUID, required by Flexiti).',
  badReferenceId: 'The x-reference-id header must be a GUID (32 hex characters, or 36 with hyphens).',
  tooLarge: 'The request body is larger than 1 MB.',
  unsupportedMediaType: 'Unsupported Content-Type: send application/json or application/x-www-form-urlencoded.',
  serverError: 'Internal server error',
  missingAdminToken: 'Missing admin token: send Authorization: Bearer <FLEXITI_MOCK_ADMIN_TOKEN>.',
  badAdminToken: 'The admin token provided is invalid.',
  unknownFault: 'No fault with this id.',
  unknownMerchant: 'No merchant with this client_id.',
} as const;

export const invalidRequest = (description: string) => new ApiError(400, 'invalid_request', description);
export const invalidClient = (description: string) => new ApiError(400, 'invalid_client', description);
export const invalidGrant = (description: string) => new ApiError(400, 'invalid_grant', description);
export const invalidToken = (description: string) =>
  new ApiError(401, 'invalid_token', description, { 'www-authenticate': 'Bearer error="invalid_token"' });
export const insufficientScope = (description: string) => new ApiError(403, 'insufficient_scope', description);
export const notFound = (description: string) => new ApiError(404, 'not_found', description);
export const wrongInputs = (description: string) => new ApiError(409, 'wrong_inputs', description);
