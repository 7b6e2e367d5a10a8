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
  badUrl: 'The request URL is not valid (bad percent-encoding or invalid characters).',
  paramTooLong: 'A path parameter is longer than 100 characters.',
  malformedRequest: 'The HTTP request is malformed.',
  headersTooLarge: 'The request headers are too large.',
  requestTimeout: 'The request took too long to arrive.',
  serverError: 'Internal server error',
  missingAdminToken: 'Missing admin token: send Authorization: Bearer <FLEXITI_MOCK_ADMIN_TOKEN>.',
  badAdminToken: 'The admin token provided is invalid.',
  unknownFault: 'No fault with this id.',
  unknownDelivery: 'No callback delivery with this id.',
  // Merchant plans (issue 4): wrong_inputs texts follow the validator's "Invalid or missing fields: field: why" form.
  priceOutsidePlans: 'Invalid or missing fields: price: outside the amount range of every plan of this merchant, so there is no payment plan to advertise',
  calculatorClientIdMismatch: 'Invalid or missing fields: clientId: the clientId query parameter must equal the client id in the path',
  merchantClientIdMismatch: 'Invalid or missing fields: client_id: must equal the client id in the path',
  // Checkout (issue 3)
  orderNotFound: 'Not found: no order with that id for this client_id.',
  merchantOrderNotFound: 'Not found: no order with that merchant order id for this client_id.',
  promoNotFound: 'Not found: no purchase with that promo id for this client_id.',
  cardNotFound: 'Not found: no Flexiti account matches that vcc or customer_id.',
  flowNotEnabled: (flow: string) => `Invalid or missing fields: flow: ${flow} is not enabled for this merchant`,
  unknownMerchant: 'Not found: no merchant with that client_id.',
  gatewayTimeout: 'Gateway timeout: the Flexiti account service did not answer in time (account 0001).',
  orderState: (action: string, status: string) => `The order cannot be ${action} in its current state (${status}).`,
  noEligiblePlan: (amount: string) => `No plan of this merchant covers the amount ${amount}.`,
  planNotEligible: (planId: string) => `plan_id: ${planId} is not one of the merchant's plans for this amount.`,
  responseKeyMismatch: (key: string, outcome: string) => `response_key: ${key} does not give the outcome ${outcome}.`,
} as const;

export const invalidRequest = (description: string) => new ApiError(400, 'invalid_request', description);
export const invalidClient = (description: string) => new ApiError(400, 'invalid_client', description);
export const invalidGrant = (description: string) => new ApiError(400, 'invalid_grant', description);
export const invalidToken = (description: string) =>
  new ApiError(401, 'invalid_token', description, { 'www-authenticate': 'Bearer error="invalid_token"' });
export const insufficientScope = (description: string) => new ApiError(403, 'insufficient_scope', description);
export const notFound = (description: string) => new ApiError(404, 'not_found', description);
export const wrongInputs = (description: string) => new ApiError(409, 'wrong_inputs', description);
/** A mock-only 409 for an action the order's state does not allow (admin complete, hosted page). */
export const invalidState = (description: string) => new ApiError(409, 'invalid_state', description);
export const gatewayTimeout = (description: string) => new ApiError(504, 'gateway_timeout', description);
