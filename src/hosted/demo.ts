import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services/index.js';
import { notificationView } from '../services/orders/index.js';
import { langOf } from './flow.js';
import { createPageRenderer } from './render.js';
import { STRINGS, type PageLang } from './strings.js';

type Query = { Querystring: { orderId?: string; auth_token?: string; lang?: string } };

/**
 * Mock-only: the fixture merchants' `success_url`/`failure_url` (`{PUBLIC_URL}/demo/return/…`).
 * Like the Magento sample's return page (api-notes §8.2) it reads `orderId` and `auth_token` and
 * shows what `GET notifications/order-id/{orderId}` answers with that token, so a newcomer sees
 * the whole round trip.
 */
export const demoRoutes: FastifyPluginAsync<{ services: Services; publicUrl: () => string }> = async (app, { services, publicUrl }) => {
  const sendPage = createPageRenderer();

  /** The look-up the merchant would make; its error text when it would fail. */
  function lookUp(orderId: string | undefined, authToken: string | undefined, lang: PageLang): { notification?: string; problem?: string } {
    if (!authToken || !orderId) return { problem: STRINGS[lang].demo.noToken };
    try {
      const { client_id } = services.tokens.authenticate(authToken);
      const order = services.orders.get(client_id, orderId);
      return { notification: JSON.stringify(notificationView(order, services.orders.merchantOf(client_id), publicUrl()), null, 2) };
    } catch (error) {
      if (error instanceof ApiError) return { problem: `${error.statusCode} ${error.error}: ${error.description}` };
      throw error;
    }
  }

  const page = (result: 'success' | 'failure') => async (request: { query: Query['Querystring'] }, reply: FastifyReply) => {
    const q = request.query ?? {};
    const orderId = typeof q.orderId === 'string' ? q.orderId : undefined;
    const token = typeof q.auth_token === 'string' ? q.auth_token : undefined;
    const lang = langOf(q.lang);
    const t = STRINGS[lang];
    const data = { resultText: t.demo[result], orderId: orderId ?? '', ...lookUp(orderId, token, lang) };
    return sendPage(reply, 'demoReturn', { lang, title: t.demo.title, data });
  };

  app.get<Query>('/return/success', page('success'));
  app.get<Query>('/return/failure', page('failure'));
};
