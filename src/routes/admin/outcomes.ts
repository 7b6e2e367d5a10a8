import type { FastifyPluginAsync } from 'fastify';
import type { Fixtures } from '../../fixtures.js';
import { outcomeCatalogue } from '../../services/outcomes.js';

/** `GET /__admin/outcomes` (contract C9): the machine-readable catalogue of magic values. */
export const outcomeRoutes: FastifyPluginAsync<{ fixtures: Fixtures }> = async (app, { fixtures }) => {
  const catalogue = outcomeCatalogue(fixtures);
  app.get('/outcomes', async () => catalogue);
};
