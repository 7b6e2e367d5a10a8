import { z } from 'zod';

/** `GET /__admin/orders?client_id=` (contract C6). */
export const AdminOrdersQuerySchema = z.object({
  client_id: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const AdminOrderParamsSchema = z.object({
  orderId: z.string().regex(/^\d{1,15}$/, 'must be an online_order_id (digits)').transform(Number),
});

/** `POST /__admin/orders/{orderId}/complete` (contract C6). */
export const CompleteOrderSchema = z.object({
  outcome: z.enum(['approved', 'pending', 'declined', 'cancelled', 'error']),
  plan_id: z.union([z.string().min(1).max(20), z.number().int().nonnegative().transform(String)]).optional(),
  response_key: z.string().max(100).optional(),
});

export type CompleteOrderRequest = z.infer<typeof CompleteOrderSchema>;
