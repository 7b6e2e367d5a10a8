import { z } from 'zod';

export const DELIVERY_STATES = ['pending', 'delivered', 'failed', 'no_endpoint'] as const;

/** `GET /__admin/callbacks` filters (contract C6). */
export const CallbackListQuery = z.object({
  client_id: z.string().min(1).max(100).optional(),
  order_id: z.coerce.number().int().positive().optional(),
  state: z.enum(DELIVERY_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const DeliveryIdParams = z.object({ id: z.string().min(1).max(100) });

export type CallbackListFilter = z.output<typeof CallbackListQuery>;
