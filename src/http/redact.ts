/**
 * One redaction rule set for the journal and the logs (contract C10): credentials are replaced,
 * card numbers keep their last four digits.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear (body, query, headers). */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  'client_secret', 'password', 'access_token', 'refresh_token', 'auth_token', 'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'pin',
]);
/** Keys holding FlexitiCard numbers (api-notes §6.5). */
const CARD_KEYS: ReadonlySet<string> = new Set(['vcc']);

/** 13–19 digits in a row: a card number wherever it turns up in free text. */
const CARD_IN_TEXT = /\b\d{9,15}(\d{4})\b/g;
const SECRET_IN_FORM = /\b(client_secret|password|access_token|refresh_token|auth_token)=[^&\s]*/gi;
const SECRET_IN_JSON = /"(client_secret|password|access_token|refresh_token|auth_token)"\s*:\s*"(?:[^"\\]|\\.)*"/gi;
const BEARER_OR_BASIC = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export const maskCard = (value: string) => (value.length <= 4 ? '****' : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`);

/** Redacts secrets inside free text (an unparsed body, a query string). */
export function redactText(text: string): string {
  return text
    .replace(SECRET_IN_FORM, (_m, key: string) => `${key}=${REDACTED}`)
    .replace(SECRET_IN_JSON, (_m, key: string) => `"${key}":"${REDACTED}"`)
    .replace(BEARER_OR_BASIC, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(CARD_IN_TEXT, (match) => maskCard(match));
}

/** A redacted deep copy of a parsed body, query or header object. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const lower = key.toLowerCase();
    if (SECRET_KEYS.has(lower)) out[key] = item === undefined || item === '' ? item : REDACTED;
    else if (CARD_KEYS.has(lower) && (typeof item === 'string' || typeof item === 'number')) out[key] = maskCard(String(item));
    else out[key] = redact(item, depth + 1);
  }
  return out;
}
