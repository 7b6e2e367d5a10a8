import { z } from 'zod';

export const TEST_EVENTS = ['Purchase', 'Apply'] as const;
export const TEST_NOTIFICATION_TYPES = ['Success', 'Error', 'Cancelled'] as const;
export type TestEvent = (typeof TEST_EVENTS)[number];
export type TestNotificationType = (typeof TEST_NOTIFICATION_TYPES)[number];

/** `Notification_type`, `notificationType`, `NOTIFICATION-TYPE` … all name the same field. */
const canonicalKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');
const KEYS: Record<string, 'event' | 'notification_type'> = { event: 'event', notificationtype: 'notification_type' };

const sameValue = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase());

/**
 * The draft documents `Event` and `Notification_type` capitalised in a table and leaves the JSON
 * key casing unknown (api-notes §5, §9.2.5), so any casing of the keys is accepted, and the values
 * are matched case-insensitively. A key given twice with different values is an error.
 */
function normaliseKeys(body: unknown, ctx: z.RefinementCtx): unknown {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = KEYS[canonicalKey(key)];
    if (!field) continue;
    if (field in out && !sameValue(out[field], value)) {
      ctx.addIssue({ code: 'custom', path: [field], message: `given twice with different values (as ${key})` });
      continue;
    }
    out[field] = value;
  }
  return out;
}

function oneOf<const T extends readonly string[]>(values: T) {
  const list = values.join(', ');
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be one of ${list}`) })
    .meta({ description: `One of ${list}, in any letter case (the key, too, may be written in any case).`, examples: [values[0]] })
    .trim()
    .transform((value, ctx) => {
      const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
      if (match === undefined) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${list}` });
        return z.NEVER;
      }
      return match as T[number];
    });
}

/** `POST …/notifications/test` body (api-notes §3.6, §5). */
export const NotificationTestBody = z.preprocess(
  normaliseKeys,
  z.object({ event: oneOf(TEST_EVENTS), notification_type: oneOf(TEST_NOTIFICATION_TYPES) }),
);

export type NotificationTestInput = z.output<typeof NotificationTestBody>;

export const ClientIdParams = z.object({ clientId: z.string().min(1) });
