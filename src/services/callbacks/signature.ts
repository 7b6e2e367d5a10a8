import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-flexiti-signature';

/**
 * `t=<unix seconds>,v1=<hex hmac-sha256(secret, t + "." + body)>` (contract C8). Flexiti documents
 * no signature at all (api-notes §5); this is the mock's own, in the widely used Stripe style, so
 * a receiver can prove a callback came from the mock and was not replayed long after `t`.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}
