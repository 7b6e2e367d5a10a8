import type { Clock } from '../clock.js';

/** A journal body bigger than this is stored cut, with a marker (contract C10: bounded in body size). */
export const MAX_JOURNAL_BODY = 8 * 1024;

export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: unknown;
  operation: string | null;
  client_id: string | null;
  reference_id: string | null;
  request_headers: Record<string, unknown>;
  request_body: unknown;
  /** null when the connection was reset before any response (an injected reset_connection). */
  status: number | null;
  response_body: unknown;
  duration_ms: number;
  fault: string | null;
}

export interface JournalFilter {
  client_id?: string | undefined;
  path?: string | undefined;
  limit?: number | undefined;
}

/** Caps a (redacted) body: small ones stay as they are, big ones become a cut string with a marker. */
export function boundBody(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  if (text === undefined) return null;
  if (Buffer.byteLength(text) <= MAX_JOURNAL_BODY) return body;
  const cut = Buffer.from(text).subarray(0, MAX_JOURNAL_BODY).toString('utf8').replace(/\uFFFD$/, '');
  return `${cut}…[truncated: ${Buffer.byteLength(text)} bytes in all]`;
}

/** The request journal (contract C10): a ring buffer of the last `size` Flexiti requests, newest last. */
export function createJournal({ size, clock }: { size: number; clock: Clock }) {
  const ring: Array<JournalEntry | undefined> = new Array(size);
  let next = 0;
  let count = 0;
  let sequence = 0;

  function entries(): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < count; i++) out.push(ring[(next - count + i + size) % size] as JournalEntry);
    return out;
  }

  return {
    size,
    record(entry: Omit<JournalEntry, 'id' | 'time'>): void {
      if (size === 0) return;
      ring[next] = { id: ++sequence, time: new Date(clock.now(entry.client_id ?? undefined)).toISOString(), ...entry };
      next = (next + 1) % size;
      count = Math.min(count + 1, size);
    },
    /** Newest first, filtered by client_id and path substring, at most `limit`. */
    list(filter: JournalFilter = {}): JournalEntry[] {
      const found = entries()
        .reverse()
        .filter((e) => (filter.client_id === undefined || e.client_id === filter.client_id) && (filter.path === undefined || e.path.includes(filter.path)));
      return filter.limit === undefined ? found : found.slice(0, filter.limit);
    },
    get count() {
      return count;
    },
    clear(clientId?: string): void {
      if (clientId === undefined) {
        ring.fill(undefined);
        next = 0;
        count = 0;
        return;
      }
      const kept = entries().filter((e) => e.client_id !== clientId);
      ring.fill(undefined);
      kept.forEach((e, i) => (ring[i] = e));
      count = kept.length;
      next = count % size;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
