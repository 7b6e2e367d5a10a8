import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.js';
import { ApiError } from '../http/errors.js';
import type { Services } from '../services/index.js';
import { createHostedFlow, langOf, type Session, type Step } from './flow.js';
import { cardRefFor, parseApplyForm, parseBuyForm, retryablePurchaseError } from './forms.js';
import { createHostedPages } from './pages.js';
import { createPageRenderer } from './render.js';
import { STRINGS } from './strings.js';

type Req = FastifyRequest<{ Params: { token: string }; Querystring: { lang?: string }; Body: unknown }>;
type Opts = { services: Services; clock: Clock; publicUrl: () => string };

/** Framed when the browser says so (Sec-Fetch-Dest), or the page's own script did (the hidden `framed` field). */
const isFramed = (request: Req) => ['iframe', 'frame'].includes(String(request.headers['sec-fetch-dest'])) || (request.body as { framed?: unknown } | undefined)?.framed === '1';

/**
 * `GET /hosted/{flow_token}` (the `redirection_url` of init) and its form posts (contract C5).
 * Every decision is made by the order service, the same code path as `POST /__admin/orders/{id}/complete`;
 * these handlers only choose pages. Forms post and redirect back (POST-redirect-GET) between steps.
 */
export const hostedRoutes: FastifyPluginAsync<Opts> = async (app, { services, clock, publicUrl }) => {
  const { orders } = services;
  const flow = createHostedFlow({ orders, tokens: services.tokens, clock, publicUrl });
  const sendPage = createPageRenderer();
  const pages = createHostedPages({ flow, orders, sendPage });
  const lang = (request: Req, session?: Session) => langOf(request.query?.lang, session && 'order' in session ? session.order : undefined);

  // An HTML page for every error here (bad bodies, races, bugs), never the API's JSON or a stack trace.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error instanceof ApiError ? error.statusCode : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'hosted page error');
    const code = ([400, 404, 409, 413, 415] as const).find((c) => c === status) ?? (status < 500 ? 400 : 500);
    return pages.message(reply, langOf((request.query as { lang?: unknown } | undefined)?.lang), code, 'error');
  });
  app.setNotFoundHandler((request, reply) => pages.message(reply, langOf((request.query as { lang?: unknown } | undefined)?.lang), 404, 'notFound'));

  /** Runs `handler` when the session is at `step`; otherwise shows the page its state calls for. */
  const at = (step: Step, handler: (request: Req, reply: FastifyReply, session: Extract<Session, { order: unknown }>) => unknown) => async (request: Req, reply: FastifyReply) => {
    const session = flow.open(request.params.token);
    if (session.state !== step) {
      const open = session.state === 'apply' || session.state === 'buy';
      // A late or repeated submit: an open order shows its current step (303); a finished one says so (409).
      if (open) return reply.redirect(flow.path(session.order.flow_token, lang(request, session)), 303);
      return pages.show(reply, session, lang(request, session), session.state === 'finished');
    }
    return handler(request, reply, session);
  };

  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/:token', async (request, reply) => {
    const session = flow.open(request.params.token);
    return pages.show(reply, session, lang(request as Req, session));
  });

  // A form's URL opened with GET (a reload after an error page, a copied link): back to the page.
  app.get<{ Params: { token: string; action: string }; Querystring: { lang?: string } }>('/:token/:action', async (request, reply) => {
    if (!['apply', 'buy', 'cancel', 'return'].includes(request.params.action)) return pages.message(reply, langOf(request.query.lang), 404, 'notFound');
    return reply.redirect(`/hosted/${encodeURIComponent(request.params.token)}?lang=${langOf(request.query.lang)}`, 303);
  });

  app.post(
    '/:token/apply',
    at('apply', async (request, reply, session) => {
      const l = lang(request, session);
      const form = parseApplyForm(request.body, STRINGS[l]);
      if (!form.ok) {
        orders.addEvent(session.order.id, 'page.apply_rejected', { errors: form.errors.length, wrong_pin: form.errors.includes(STRINGS[l].errors.wrongPin) });
        return pages.apply(reply, session, l, form);
      }
      const order = orders.submitApplication(session.order.id, form.value);
      return pages.next(reply, { ...session, order }, l, isFramed(request));
    }),
  );

  app.post(
    '/:token/buy',
    at('buy', async (request, reply, session) => {
      const l = lang(request, session);
      const t = STRINGS[l];
      const form = parseBuyForm(request.body, t);
      const card = form.values.card;
      if (!form.ok) return pages.buy(reply, session, l, { card, planId: form.values.plan_id, errors: form.errors });
      try {
        const order = orders.submitPurchase(session.order.id, { ...cardRefFor(session.order, form.value.card || undefined), plan_id: form.value.plan_id });
        return pages.next(reply, { ...session, order }, l, isFramed(request));
      } catch (error) {
        const message = retryablePurchaseError(error, t);
        if (!message) throw error;
        orders.addEvent(session.order.id, 'page.buy_rejected', { status: (error as ApiError).statusCode, error: (error as ApiError).description });
        return pages.buy(reply, session, l, { card, planId: form.value.plan_id, errors: [message] });
      }
    }),
  );

  const cancel = async (request: Req, reply: FastifyReply, session: Extract<Session, { order: unknown }>) => {
    const order = orders.cancel(session.order.id, 'shopper cancelled on the hosted page');
    return pages.leave(reply, { ...session, order }, lang(request, session), isFramed(request));
  };
  app.post('/:token/cancel', async (request: Req, reply) => {
    const session = flow.open(request.params.token);
    if (session.state === 'apply' || session.state === 'buy') return cancel(request, reply, session);
    return pages.show(reply, session, lang(request, session), session.state === 'finished');
  });

  // The outcome page's Continue: back to the merchant with a fresh token.
  app.post(
    '/:token/return',
    at('finished', async (request, reply, session) => pages.leave(reply, session, lang(request, session), isFramed(request))),
  );
};
