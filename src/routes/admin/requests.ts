import type { FastifyPluginAsync } from 'fastify';
import { JournalQuery } from '../../schemas/admin.js';
import type { Journal, JournalFilter } from '../../services/journal.js';

/** `/__admin/requests` (contract C10): the redacted request journal, newest first; DELETE clears it. */
export const requestRoutes: FastifyPluginAsync<{ journal: Journal }> = async (app, { journal }) => {
  app.get('/requests', { schema: { querystring: JournalQuery } }, async (request) => {
    const requests = journal.list(request.query as JournalFilter);
    return { size: journal.size, count: journal.count, requests };
  });
  app.delete('/requests', async () => {
    const deleted = journal.count;
    journal.clear();
    return { deleted };
  });
};
