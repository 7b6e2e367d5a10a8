import { randomBytes } from 'node:crypto';
import { Eta } from 'eta';
import type { FastifyReply } from 'fastify';
import { STRINGS, type PageLang } from './strings.js';
import { TEMPLATES } from './templates.js';

/** Loopback origins any port: a merchant's local test page may always frame the page. */
// (CSP host sources cannot name IPv6 literals, so [::1] cannot be listed.)
const LOOPBACK_ANCESTORS = ['http://localhost:*', 'http://127.0.0.1:*'];

/** The origin of a trust URL (api-notes §1.3: the merchant's site base URL), or undefined. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Who may frame a hosted page (the SDK's iframe mode, api-notes §4). The Trust URL is where
 * Flexiti "recognises the traffic comes from" (api-notes §1.3), so a merchant with one may frame
 * the page from that origin, and from loopback on any port (local test pages such as a test suite's
 * own server); a merchant without one (and a page with no merchant, e.g. the 404) from anywhere.
 */
export function frameAncestors(trustUrl: string | undefined): string {
  const origin = originOf(trustUrl);
  return origin ? ["'self'", origin, ...LOOPBACK_ANCESTORS].join(' ') : '*';
}

/**
 * Scripts and styles only by nonce; no form-action directive, because Chromium applies it to the
 * redirect that follows a form POST, and ours goes to the merchant's success/failure URL.
 */
export function contentSecurityPolicy(nonce: string, ancestors: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
}

export interface PageOptions {
  status?: number;
  lang: PageLang;
  /** The merchant's trust_url (frame-ancestors); omitted for pages with no merchant. */
  trustUrl?: string | undefined;
  title: string;
  data?: Record<string, unknown>;
}

export type PageRenderer = ReturnType<typeof createPageRenderer>;

/** An eta instance holding the hosted templates, and the one way hosted pages are sent. */
export function createPageRenderer() {
  const eta = new Eta({ autoEscape: true, cache: true });
  for (const [name, source] of Object.entries(TEMPLATES)) eta.loadTemplate(`@${name}`, source);

  return function sendPage(reply: FastifyReply, template: string, options: PageOptions): FastifyReply {
    const nonce = randomBytes(16).toString('base64');
    const html = eta.render(`@${template}`, { page: template, ...options.data, t: STRINGS[options.lang], lang: options.lang, nonce, title: options.title });
    return reply
      .code(options.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', contentSecurityPolicy(nonce, frameAncestors(options.trustUrl)))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      // The page URL holds the session token: never send it to the merchant as a Referer.
      .header('referrer-policy', 'no-referrer')
      .send(html);
  };
}
