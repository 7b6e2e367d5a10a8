import { z } from 'zod';
import {
  ClockViewSchema,
  DeletedSchema,
  FaultCreatedSchema,
  FaultListSchema,
  FaultViewSchema,
  JournalListSchema,
  OutcomeCatalogueSchema,
  ResetResultSchema,
} from '../schemas/admin.js';
import { MerchantSchema } from '../schemas/fixtures.js';
import {
  APPLY_STATUSES,
  InitResponseSchema,
  LearnMoreResponseSchema,
  NotificationResponseSchema,
  PromoResponseSchema,
  CallbackBodySchema,
  PURCHASE_STATUSES,
} from '../schemas/notifications.js';
import { ErrorEnvelopeSchema, TokenResponseSchema } from '../schemas/oauth.js';
import { CalculatorResponseSchema, PaymentAvailabilityResponseSchema } from '../schemas/plans.js';
import type { RouteDoc } from './routes.js';

/** Shapes of the mock's own small answers, for the document only. */
const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = z.object({ status: z.enum(['ready', 'starting']), checks: z.record(z.string(), z.boolean()) });
const OpenApiSchema = z.object({ openapi: z.string(), info: z.object({}).loose(), paths: z.record(z.string(), z.unknown()) }).loose();

const ApplyStatus = z.enum(APPLY_STATUSES);
const PurchaseStatus = z.enum(PURCHASE_STATUSES);
const AdminOrderSchema = z
  .object({
    online_order_id: z.number().int(),
    client_id: z.string(),
    flow: z.enum(['apply', 'buy', 'apply/buy']),
    status: ApplyStatus,
    apply_status: ApplyStatus.nullable(),
    purchase_status: PurchaseStatus.nullable(),
    redirection_url: z.string(),
    timeline: z.object({ events: z.array(z.object({ at: z.string(), type: z.string(), data: z.unknown() })), deliveries: z.array(z.object({}).loose()) }).optional(),
  })
  .loose();

const Attempt = z.object({ at: z.string(), status: z.number().int().nullable(), latency_ms: z.number().nullable(), error: z.string().nullable() }).loose();
const DeliverySchema = z.object({ id: z.string(), state: z.enum(['pending', 'delivered', 'failed', 'no_endpoint']), attempts: z.array(Attempt) }).loose();

const NOTIFICATIONS = '/flexiti/online-api/online/client-id/:clientId/notifications';
const notification = (summary: string): RouteDoc => ({ summary, responses: { 200: NotificationResponseSchema } });

export { ErrorEnvelopeSchema };

/**
 * Response documentation for routes that do not carry `config.openapi` themselves, keyed
 * `'METHOD /full/fastify/path'` (see `RouteDoc` in ./routes.ts). A route's own config wins.
 */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'POST /flexiti/online-api/oauth/token': {
    summary: 'Get an access token (client_credentials, password or refresh_token grant)',
    description:
      'Form-encoded only (a JSON body is 400 invalid_request). Client credentials in the form or in `Authorization: Basic`. ' +
      'Every OAuth failure is a 400 envelope (invalid_request, invalid_client, invalid_grant). api-notes §2.',
    responses: { 200: TokenResponseSchema },
  },
  'POST /flexiti/online-api/online/v2/client-id/:clientId/systems/init': {
    summary: 'Create an online order (flow apply, buy or apply/buy); the shopper goes to redirection_url',
    responses: { 200: InitResponseSchema },
  },
  'POST /flexiti/online-api/online/client-id/:clientId/systems/init': {
    summary: 'Apply-only init (no /v2): flow defaults to apply, lang to en-CA (api-notes §9.1.1)',
    responses: { 200: InitResponseSchema },
  },
  'POST /flexiti/online-api/online/client-id/:clientId/systems/learn-more': {
    summary: 'A redirection_url to the learn-more page (early draft, api-notes §3.6)',
    responses: { 200: LearnMoreResponseSchema },
  },
  [`GET ${NOTIFICATIONS}/order-id/:orderId`]: notification('An order\'s state by online_order_id'),
  [`GET ${NOTIFICATIONS}/merchant-order-id/:merchantOrderId`]: notification('The newest order with this merchant order id'),
  [`GET ${NOTIFICATIONS}/:orderId`]: notification('Legacy alias of notifications/order-id/{orderId} (api-notes §9.1.18)'),
  [`GET ${NOTIFICATIONS}/promo-id/:promoId`]: { summary: 'A successful purchase by promo id (early draft shape)', responses: { 200: PromoResponseSchema } },
  'POST /flexiti/online-api/online/client-id/:clientId/merchants/payment-availability': {
    summary: 'Whether some plan of the merchant covers amount_requested',
    responses: { 200: PaymentAvailabilityResponseSchema },
  },
  'GET /flexiti/online-api/online/v2/client-id/:clientId/systems/payment-calculator': {
    summary: 'The advertised monthly payment for a price, with an HTML fragment in en or fr',
    responses: { 200: CalculatorResponseSchema },
  },
  'GET /__admin/merchants': { summary: 'Every merchant, as its fixture holds it', responses: { 200: z.object({ merchants: z.array(MerchantSchema) }) } },
  'GET /__admin/merchants/:clientId': { summary: 'One merchant', responses: { 200: MerchantSchema } },
  'PUT /__admin/merchants/:clientId': {
    summary: 'Create or replace a merchant (the fixture schema), effective on the next request',
    responses: { 200: MerchantSchema, 201: { description: 'Created', schema: MerchantSchema } },
  },
  'DELETE /__admin/merchants/:clientId': {
    summary: 'Remove a merchant and revoke its tokens',
    responses: { 200: z.object({ client_id: z.string(), deleted: z.literal(true), tokens_revoked: z.number().int() }) },
  },
  'GET /__admin/orders': { summary: 'Orders, newest first, optionally of one client_id', responses: { 200: z.object({ orders: z.array(AdminOrderSchema) }) } },
  'GET /__admin/orders/:orderId': { summary: 'One order with its timeline (events and callbacks)', responses: { 200: AdminOrderSchema } },
  'POST /__admin/orders/:orderId/complete': {
    summary: 'Finish an order exactly as the hosted page would (for CI without a browser)',
    responses: { 200: AdminOrderSchema },
  },
  'POST /flexiti/online-api/online/client-id/:clientId/notifications/test': {
    summary: 'Send a synthetic notification to the merchant\'s callback_url (early draft, api-notes §5); answers its body',
    responses: { 200: CallbackBodySchema },
  },
  'GET /__admin/callbacks': { summary: 'Callback deliveries with every attempt (filter by client_id, order, state)', responses: { 200: z.object({ callbacks: z.array(DeliverySchema) }) } },
  'POST /__admin/callbacks/:id/redeliver': { summary: 'Deliver a callback again (same delivery id)', responses: { 200: DeliverySchema } },
  'GET /__admin/clock': { summary: 'The business clock, globally or as one client_id sees it', responses: { 200: ClockViewSchema } },
  'POST /__admin/clock': { summary: 'Advance, set or reset the clock, globally or for one client_id', responses: { 200: ClockViewSchema } },
  'POST /__admin/faults': { summary: 'Inject a fault (contract C7)', responses: { 201: { description: 'Created', schema: FaultCreatedSchema } } },
  'GET /__admin/faults': { summary: 'Active faults (optionally one client_id\'s)', responses: { 200: FaultListSchema } },
  'GET /__admin/faults/:id': { summary: 'One fault', responses: { 200: FaultViewSchema } },
  'DELETE /__admin/faults/:id': { summary: 'Remove one fault', responses: { 200: DeletedSchema } },
  'DELETE /__admin/faults': { summary: 'Remove every fault (or one client_id\'s)', responses: { 200: DeletedSchema } },
  'GET /__admin/outcomes': { summary: 'The catalogue of magic values (contract C9)', responses: { 200: OutcomeCatalogueSchema } },
  'GET /__admin/requests': { summary: 'The redacted request journal, newest first (contract C10)', responses: { 200: JournalListSchema } },
  'DELETE /__admin/requests': { summary: 'Clear the request journal', responses: { 200: DeletedSchema } },
  'POST /__admin/reset': { summary: 'Reset everything, or one client_id\'s orders, tokens, callbacks, faults and clock', responses: { 200: ResetResultSchema } },
  'GET /__admin': {
    summary: 'HTML dashboard of recent orders, callbacks and requests',
    responses: { 200: { description: 'An HTML page', contentType: 'text/html', schema: z.string() } },
  },
  'GET /__admin/health': { summary: 'Liveness (open even when an admin token is set)', responses: { 200: HealthSchema } },
  'GET /__admin/ready': {
    summary: 'Readiness: migrations done, fixtures loaded, worker running',
    responses: { 200: ReadySchema, 503: { description: 'Not ready yet', schema: ReadySchema } },
  },
  'GET /__admin/openapi.json': { summary: 'This document', responses: { 200: OpenApiSchema } },
};
