import { z } from 'zod';
import { OPERATIONS } from '../http/operations.js';

/** Upper bounds that keep an admin caller from exhausting the mock (issue 7). */
export const MAX_FAULTS = 100;
export const MAX_DELAY_MS = 60_000;

const ClientId = z.string().min(1).max(100);

export const FaultMatchSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).optional(),
    /** An exact request path, with or without the `/flexiti/online-api` prefix; `*` matches any run of characters. */
    path: z.string().min(1).max(500).optional(),
    operation: z.enum(OPERATIONS as [string, ...string[]]).optional(),
    client_id: ClientId.optional(),
  })
  .strict();

export const FaultActionSchema = z
  .object({
    status: z.number().int().min(200).max(599).optional(),
    body: z.unknown().optional(),
    delay_ms: z.number().int().min(0).max(MAX_DELAY_MS).optional(),
    reset_connection: z.boolean().optional(),
    malformed_body: z.boolean().optional(),
  })
  .strict()
  .refine((a) => a.status !== undefined || a.body !== undefined || a.delay_ms !== undefined || a.reset_connection === true || a.malformed_body === true, {
    message: 'needs at least one of status, body, delay_ms, reset_connection, malformed_body',
  })
  .refine((a) => !(a.reset_connection && (a.status !== undefined || a.body !== undefined || a.malformed_body)), {
    message: 'reset_connection sends no response, so it cannot be combined with status, body or malformed_body',
  })
  .refine((a) => !(a.malformed_body && a.body !== undefined), { message: 'malformed_body and body are exclusive' });

export const FaultInputSchema = z
  .object({
    match: FaultMatchSchema.default({}),
    times: z.number().int().min(0).max(1_000_000).default(1),
    probability: z.number().min(0).max(1).default(1),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    action: FaultActionSchema,
  })
  .strict();

export type FaultInput = z.output<typeof FaultInputSchema>;
export type FaultMatch = z.output<typeof FaultMatchSchema>;
export type FaultAction = z.output<typeof FaultActionSchema>;

export const FaultIdParams = z.object({ id: z.string().min(1).max(100) });
export const ClientScopeQuery = z.object({ client_id: ClientId.optional() }).strict();

export const ClockChangeSchema = z
  .object({
    advance_seconds: z.number().finite().min(-10 * 365 * 86400).max(10 * 365 * 86400).optional(),
    set: z.iso.datetime({ offset: true }).optional(),
    reset: z.literal(true).optional(),
    client_id: ClientId.optional(),
  })
  .strict()
  .refine((c) => [c.advance_seconds, c.set, c.reset].filter((v) => v !== undefined).length === 1, {
    message: 'send exactly one of advance_seconds, set, reset',
  });
export type ClockChange = z.output<typeof ClockChangeSchema>;

export const JournalQuery = z
  .object({
    client_id: ClientId.optional(),
    /** Keeps requests whose path contains this text. */
    path: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .strict();

/** The body is optional: an empty POST resets everything. */
export const ResetSchema = z.object({ client_id: ClientId.optional() }).strict().nullish();

// Response contracts, for the OpenAPI (`config.openapi` on each route; never `schema.response`).

export const FaultViewSchema = z.object({
  id: z.string(),
  match: FaultMatchSchema,
  times: z.number().int(),
  probability: z.number(),
  seed: z.number().int(),
  action: z.object({ status: z.number().int().optional(), body: z.unknown().optional(), delay_ms: z.number().int().optional(), reset_connection: z.boolean().optional(), malformed_body: z.boolean().optional() }),
  hits: z.number().int(),
  remaining: z.number().int().nullable(),
  created_at: z.string(),
});
export const FaultCreatedSchema = z.object({ id: z.string(), fault: FaultViewSchema });
export const FaultListSchema = z.object({ faults: z.array(FaultViewSchema) });
export const DeletedSchema = z.object({ deleted: z.number().int(), id: z.string().optional() });

export const ClockViewSchema = z.object({
  now: z.string(),
  client_id: z.string().optional(),
  client_offset_seconds: z.number().optional(),
  offset_seconds: z.number(),
  global_offset_seconds: z.number(),
  client_offsets_seconds: z.record(z.string(), z.number()),
});

export const JournalEntrySchema = z.object({
  id: z.number().int(),
  time: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.unknown(),
  operation: z.string().nullable(),
  client_id: z.string().nullable(),
  reference_id: z.string().nullable(),
  request_headers: z.record(z.string(), z.unknown()),
  request_body: z.unknown(),
  status: z.number().int().nullable(),
  response_body: z.unknown(),
  duration_ms: z.number(),
  fault: z.string().nullable(),
});
export const JournalListSchema = z.object({ size: z.number().int(), count: z.number().int(), requests: z.array(JournalEntrySchema) });

export const ResetResultSchema = z.object({ reset: z.enum(['everything', 'client']), client_id: z.string().optional() });

export const OutcomeCatalogueSchema = z.object({
  response_keys: z.object({
    field: z.string(),
    no_key: z.object({ outcome: z.string(), credit_limit: z.number(), description: z.string() }),
    keys: z.array(z.object({
      key: z.string(), outcome: z.string(), description: z.string(), risk_rating: z.string().optional(), credit_limit: z.number().optional(),
      needs_standard_accounts: z.boolean().optional(), review_seconds: z.number().optional(), resolution: z.string().optional(),
    })),
  }),
  pin: z.object({ value: z.string(), effect: z.string() }),
  cards: z.array(z.object({ vcc: z.string(), customer_id: z.string(), account_number: z.string(), status: z.string(), available_credit: z.number(), credit_limit: z.number(), effect: z.string() })),
  unknown_cards: z.object({ examples: z.array(z.string()), effect: z.string() }),
  accounts: z.array(z.object({ account_number: z.string(), effect: z.string() })),
  buy_rules: z.array(z.string()),
});
