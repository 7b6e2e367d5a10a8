import fc from 'fast-check';
import qs from 'qs';

/**
 * Generators of malformed requests for the generated-input test. Each produces the raw pieces
 * (path segment, query, headers, body bytes) so the test can send what a broken or hostile client
 * sends, not what a well-behaved one would.
 */

/** Path-parameter values: injection, encodings, lengths and types a path id should never choke on. */
export const pathValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '..%5c..%5c', '%00', 'a%00b', '131000%00', '%', '%zz', '%E0%A4%A',
    '%C0%AE%C0%AE', '%FF%FE', '%25', '-1', '0', '1e9', '0x10', '99999999999999999999999', 'NaN', 'null', 'undefined',
    '%20', '%0d%0aSet-Cookie:%20x', '%3Cscript%3E', "'%20OR%201%3D1--", 'flexitidemo', 'maplefurniture', '131000', 'FLEXITIDEMO',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.integer({ min: 101, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 95, max: 110 }).map((n) => '9'.repeat(n)),
);

/** Extra query strings: bad percent-encoding, arrays, duplicates, wrong types. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.constantFrom('?%', '?a=%zz', '?price=abc', '?price=-1&price=2', '?price[]=1', '?lang[a][b][c][d]=1', '?price=1e308', '?__proto__[x]=1', '?a=%00', '?amount_requested=%FF'),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 4 }).map((d) => `?${qs.stringify(d)}`),
);

export const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=latin1',
  'text/plain',
  'text/html',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
  '',
  'application/json;;;',
  'garbage',
  '*/*',
  'application/vnd.api+json',
] as const;

/** JSON values of every shape and type, including ones whose keys look like the real fields. */
const FIELD_NAMES = [
  'amount_requested', 'flow', 'lang', 'merchant_orderid', 'merchant_order_id', 'vcc', 'customer_id', 'mname', 'billing_information',
  'shipping_information', 'client_id', 'client_secret', 'grant_type', 'outcome', 'plan_id', 'advance_seconds', 'set', 'match', 'action',
  'event', 'notification_type', 'price', 'status', 'times', 'probability', '__proto__', 'constructor',
];
const fieldValue = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 5 },
  { arbitrary: fc.constantFrom(-1, 0, 1e308, -1e308, 0.001, 1.005, '400', 'NaN', '', ' ', true, 'true', null, [], {}, '9'.repeat(400)), weight: 4 },
  { arbitrary: fc.integer({ min: 1000, max: 60_000 }).map((n) => 'é'.repeat(n)), weight: 1 },
);
const fieldObject = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fieldValue, { maxKeys: 8 });

export interface MalformedBody {
  kind: string;
  contentType: string | undefined;
  payload: string | Buffer | undefined;
}

function mutate(seed: Record<string, unknown>) {
  const keys = Object.keys(seed);
  return fc.oneof(
    fc.constantFrom(...keys).map((k) => ({ kind: `missing ${k}`, body: Object.fromEntries(Object.entries(seed).filter(([key]) => key !== k)) })),
    fc.tuple(fc.constantFrom(...keys), fieldValue).map(([k, v]) => ({ kind: `wrong ${k}`, body: { ...seed, [k]: v } })),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fieldValue).map(([k, v]) => ({ kind: `extra ${k}`, body: { ...seed, [k]: v } })),
    fc.constantFrom(...keys).map((k) => ({ kind: `huge ${k}`, body: { ...seed, [k]: 'A'.repeat(300_000) } })),
  );
}

/** Request bodies: wrong types, missing/extra fields, huge strings, bad encodings, odd content types. */
export function malformedBody(seed: Record<string, unknown> | undefined): fc.Arbitrary<MalformedBody> {
  const structured = fc.oneof(
    fieldObject.map((body) => ({ kind: 'random object', body: body as unknown })),
    fc.jsonValue({ maxDepth: 3 }).map((body) => ({ kind: 'random JSON', body: body as unknown })),
    ...(seed && Object.keys(seed).length > 0 ? [mutate(seed) as fc.Arbitrary<{ kind: string; body: unknown }>] : []),
  );
  const encoded = fc.tuple(structured, fc.constantFrom('json', 'form', 'json-as-form', 'form-as-json')).map(([{ kind, body }, how]): MalformedBody => {
    const json = JSON.stringify(body) ?? 'null';
    const form = typeof body === 'object' && body !== null ? qs.stringify(body, { allowDots: false }) : String(body);
    switch (how) {
      case 'json': return { kind: `${kind} (json)`, contentType: 'application/json', payload: json };
      case 'form': return { kind: `${kind} (form)`, contentType: 'application/x-www-form-urlencoded', payload: form };
      case 'json-as-form': return { kind: `${kind} (json sent as form)`, contentType: 'application/x-www-form-urlencoded', payload: json };
      default: return { kind: `${kind} (form sent as json)`, contentType: 'application/json', payload: form };
    }
  });
  const raw = fc.oneof(
    fc.constantFrom<MalformedBody>(
      { kind: 'truncated JSON', contentType: 'application/json', payload: '{"amount_requested": 4' },
      { kind: 'JSON with comments', contentType: 'application/json', payload: '{/* x */"a":1}' },
      { kind: 'prototype pollution', contentType: 'application/json', payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}' },
      { kind: 'deep nesting', contentType: 'application/json', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
      { kind: 'deep form nesting', contentType: 'application/x-www-form-urlencoded', payload: `${'a'}${'[b]'.repeat(200)}=1` },
      { kind: 'form bad percent-encoding', contentType: 'application/x-www-form-urlencoded', payload: 'amount_requested=%&flow=%zz&lang=%E0%A4%A' },
      { kind: 'form with a thousand keys', contentType: 'application/x-www-form-urlencoded', payload: Array.from({ length: 1000 }, (_, i) => `k${i}=${i}`).join('&') },
      { kind: 'invalid UTF-8 JSON', contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x66, 0x6c, 0x6f, 0x77, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]) },
      { kind: 'invalid UTF-8 form', contentType: 'application/x-www-form-urlencoded', payload: Buffer.from([0x66, 0x6c, 0x6f, 0x77, 0x3d, 0xc3, 0x28, 0xa0, 0xa1, 0x26, 0x6c, 0x61, 0x6e, 0x67, 0x3d, 0xed, 0xa0, 0x80]) },
      { kind: 'UTF-16 BOM JSON', contentType: 'application/json', payload: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]) },
      { kind: 'NUL bytes', contentType: 'application/json', payload: '{"flow":"apply\u0000","lang":"en\u0000CA"}' },
      { kind: 'lone surrogate', contentType: 'application/json', payload: '{"fname":"\\ud800","lname":"\\udfff"}' },
      { kind: 'over the body limit', contentType: 'application/json', payload: `{"a":"${'x'.repeat(1024 * 1024 + 16)}"}` },
      { kind: 'empty JSON', contentType: 'application/json', payload: '' },
      { kind: 'no body', contentType: undefined, payload: undefined },
    ),
    fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.uint8Array({ maxLength: 200 })).map(([contentType, bytes]) => ({ kind: 'random bytes', contentType, payload: Buffer.from(bytes) })),
    fc.tuple(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 200 })).map(([contentType, text]) => ({ kind: 'random text', contentType, payload: text })),
  );
  return fc.oneof({ arbitrary: encoded, weight: 3 }, { arbitrary: raw, weight: 2 });
}

export const referenceId = fc.constantFrom(undefined, '0123456789abcdef0123456789abcdef', 'not-a-guid', '', 'x'.repeat(5000), '00000000-0000-0000-0000-00000000000g');

export type AuthChoice = 'own' | 'other' | 'none' | 'garbage' | 'basic' | 'empty-bearer' | 'huge';
export const authChoice = fc.constantFrom<AuthChoice>('own', 'own', 'own', 'other', 'none', 'garbage', 'basic', 'empty-bearer', 'huge');
