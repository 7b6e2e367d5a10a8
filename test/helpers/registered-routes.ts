import type { FastifyInstance } from 'fastify';

/**
 * Every `METHOD /path` Fastify registered, read from `app.printRoutes()` (independent of the
 * app's own route collector). HEAD routes Fastify derives from GET routes are dropped.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const text = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = [...(match[1] as string)].length / 4;
    stack.length = depth;
    stack[depth] = match[2] as string;
    if (!match[3]) continue;
    const path = stack.join('');
    const methods = match[3].split(/,\s*/);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.add(`${method} ${path}`);
    }
  }
  return [...routes].sort();
}
