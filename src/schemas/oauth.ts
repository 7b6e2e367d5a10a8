import { z } from 'zod';

/** The form fields `/oauth/token` reads (api-notes §2.1). Unknown fields are ignored, as OAuth servers do. */
export const TokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
});

export const TokenResponseSchema = z.object({
  token_type: z.literal('bearer'),
  access_token: z.string().regex(/^[0-9a-f]{40}$/),
  expires_in: z.number().int(),
  refresh_token: z.string().regex(/^[0-9a-f]{40}$/),
  scope: z.enum(['merchant', 'customer']),
});

export const ErrorEnvelopeSchema = z.object({ code: z.number().int(), error: z.string(), error_description: z.string() });

export type TokenRequest = z.infer<typeof TokenRequestSchema>;
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
