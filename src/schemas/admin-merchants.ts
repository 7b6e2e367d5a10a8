import { z } from 'zod';
import { MerchantSchema } from './fixtures.js';

/**
 * `PUT /__admin/merchants/{clientId}` body: the fixture's merchant with `client_id` optional (the
 * path names the merchant; a body `client_id` must match it). This documents and pre-checks the
 * fields; the service then validates the whole merchant with the fixture's `MerchantSchema` itself
 * (cross-field rules such as unique plan ids included), so the admin API and the fixture file can
 * never accept different merchants. (zod 4 refuses `.partial()` on a refined object, hence the shape copy.)
 */
export const MerchantUpsertSchema = z.object({ ...MerchantSchema.shape, client_id: MerchantSchema.shape.client_id.optional() });

export const AdminClientIdParams = z.object({ clientId: z.string().min(1).max(100) });

export type MerchantUpsert = z.input<typeof MerchantUpsertSchema>;
