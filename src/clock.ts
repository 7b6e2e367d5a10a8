/**
 * The mock's business clock (contract C6). Every time-dependent rule (token expiry, hosted-session
 * expiry, callback retries) reads it, so tests and the admin API can move time without sleeping.
 * A global offset applies to everyone; a per-client offset applies on top for one merchant.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the given merchant sees it (global time when omitted). */
  now(clientId?: string): number;
  advance(seconds: number, clientId?: string): void;
  set(epochMs: number, clientId?: string): void;
  reset(clientId?: string): void;
  /** Offsets in ms: the global one and each merchant's. */
  offsets(): { global: number; clients: Record<string, number> };
  /** Called after every change, e.g. so the callback worker runs retries that just became due. */
  onChange(listener: () => void): () => void;
}

export function createClock(source: () => number = Date.now): Clock {
  let globalOffset = 0;
  const clientOffsets = new Map<string, number>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const globalNow = () => source() + globalOffset;

  return {
    now(clientId) {
      const extra = clientId === undefined ? 0 : (clientOffsets.get(clientId) ?? 0);
      return globalNow() + extra;
    },
    advance(seconds, clientId) {
      const ms = Math.round(seconds * 1000);
      if (clientId === undefined) globalOffset += ms;
      else clientOffsets.set(clientId, (clientOffsets.get(clientId) ?? 0) + ms);
      changed();
    },
    set(epochMs, clientId) {
      if (clientId === undefined) globalOffset = epochMs - source();
      else clientOffsets.set(clientId, epochMs - globalNow());
      changed();
    },
    reset(clientId) {
      if (clientId === undefined) {
        globalOffset = 0;
        clientOffsets.clear();
      } else clientOffsets.delete(clientId);
      changed();
    },
    offsets() {
      return { global: globalOffset, clients: Object.fromEntries(clientOffsets) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A clock frozen at `start` that only moves when told: exact timestamps in tests, no sleeping. */
export function createManualClock(start: number | string = '2026-01-15T12:00:00.000Z'): Clock {
  const base = typeof start === 'number' ? start : Date.parse(start);
  return createClock(() => base);
}
