import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Fixtures } from './fixtures.js';
import { demoRoutes } from './hosted/demo.js';
import { hostedRoutes } from './hosted/routes.js';
import { registerBodyParsers } from './http/body-parsers.js';
import { adminTokenHook } from './http/admin-auth.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './http/error-handler.js';
import { registerFaults } from './http/faults.js';
import { registerJournal } from './http/journal.js';
import { registerRequestLog } from './http/request-log.js';
import { zodValidatorCompiler } from './http/validation.js';
import type { Ids } from './ids.js';
import { createDashboard } from './dashboard/render.js';
import { clockRoutes } from './routes/admin/clock.js';
import { dashboardRoutes } from './routes/admin/dashboard.js';
import { faultRoutes } from './routes/admin/faults.js';
import { callbackAdminRoutes } from './routes/admin/callbacks.js';
import { healthRoutes, type ReadinessCheck } from './routes/admin/health.js';
import { outcomeRoutes } from './routes/admin/outcomes.js';
import { requestRoutes } from './routes/admin/requests.js';
import { resetRoutes } from './routes/admin/reset.js';
import { collectRoutes } from './openapi/routes.js';
import { openApiRoutes } from './routes/admin/openapi.js';
import { merchantAdminRoutes } from './routes/admin/merchants.js';
import { adminOrderRoutes } from './routes/admin/orders.js';
import { flexitiApi } from './routes/flexiti.js';
import type { CallbackWorker } from './services/callbacks/worker.js';
import { createServices } from './services/index.js';
import type { Store } from './store/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The callback outbox worker: `kick()` after enqueuing outside a request, `settled()` in tests. */
    callbackWorker: CallbackWorker;
  }
}

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  ids: Ids;
  /** The validated fixtures the store was seeded from (reset restores them). */
  fixtures: Fixtures;
  /** The public base URL (no trailing slash); a function because port 0 is only known after listen. */
  publicUrl: () => string;
  logger?: FastifyBaseLogger;
}

/** Builds the whole app as plugins in explicit order; does no I/O of its own. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    // Errors raised before routing or by Node's HTTP parser answer in the envelope too (contract C4).
    frameworkErrors,
    clientErrorHandler,
  });
  // First, so the OpenAPI document sees every route registered below (contract C6).
  const routes = collectRoutes(app);
  app.setValidatorCompiler(zodValidatorCompiler);
  registerErrorHandling(app);
  registerRequestLog(app);
  await registerBodyParsers(app);

  const services = createServices(deps);
  // App-level hooks run before any scope's: the journal sees every Flexiti request, and an injected
  // fault wins over reference-id and bearer checks (see src/http/faults.ts for the hook choice).
  registerJournal(app, services.journal);
  registerFaults(app, services.faults);
  const readiness: ReadinessCheck[] = [
    { name: 'database', ready: () => deps.store.db.open },
    { name: 'fixtures', ready: () => deps.fixtures.merchants.length > 0 },
    { name: 'worker', ready: () => services.callbacks.worker.running() },
  ];
  // The worker starts once the app is ready. On close it records its attempts in flight first:
  // preClose runs before every onClose hook (those run last-registered first, and the store's
  // close is one of them), so the database is still open (contract C1).
  const { worker } = services.callbacks;
  app.decorate('callbackWorker', worker);
  app.addHook('onReady', async () => worker.start());
  app.addHook('preClose', async () => worker.stop());

  await app.register(flexitiApi, { prefix: '/flexiti/online-api', config: deps.config, services, publicUrl: deps.publicUrl });
  // The hosted flow page (contract C5) and the fixture merchants' demo return pages (mock-only).
  await app.register(hostedRoutes, { prefix: '/hosted', services, clock: deps.clock, publicUrl: deps.publicUrl });
  await app.register(demoRoutes, { prefix: '/demo', services, publicUrl: deps.publicUrl });
  await app.register(
    async (admin) => {
      // On the whole scope, so admin routes registered here later are protected too (contract C2).
      if (deps.config.adminToken) admin.addHook('onRequest', adminTokenHook(deps.config.adminToken));
      await admin.register(healthRoutes, { checks: readiness });
      await admin.register(faultRoutes, { faults: services.faults });
      await admin.register(clockRoutes, { clock: deps.clock, store: deps.store });
      await admin.register(requestRoutes, { journal: services.journal });
      await admin.register(resetRoutes, { reset: services.reset });
      await admin.register(outcomeRoutes, { fixtures: deps.fixtures });
      await admin.register(dashboardRoutes, { dashboard: createDashboard({ ...deps, journal: services.journal }) });
      await admin.register(openApiRoutes, { routes, publicUrl: deps.publicUrl });
      await admin.register(merchantAdminRoutes, { merchants: services.merchants });
      await admin.register(adminOrderRoutes, { orders: services.orders, store: deps.store });
      await admin.register(callbackAdminRoutes, { callbacks: services.callbacks.admin });
    },
    { prefix: '/__admin' },
  );
  return app;
}
