import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { DeliveryRecord } from '../../store/deliveries.js';
import type { Store } from '../../store/index.js';
import { recordAttempt } from './record-attempt.js';
import { sendCallback } from './sender.js';

/** The few logger methods the worker uses (pino's and Fastify's loggers both fit). */
export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface CallbackWorkerDeps {
  store: Store;
  clock: Clock;
  config: Pick<Config, 'callbackSecret' | 'callbackTimeoutMs' | 'callbackInitialDelay' | 'callbackMaxDelay' | 'callbackMaxAttempts'>;
  log?: WorkerLog | undefined;
  /** Expands `{PUBLIC_URL}` in a callback_url (contract C3 allows it in merchant URLs). */
  publicUrl?: () => string;
  /** Attempts in flight at once. */
  concurrency?: number;
}

/** Longest real-time sleep between scans; the clock can jump, and a scan is one small query. */
const MAX_TIMER_MS = 60_000;
/**
 * On close, attempts in flight get this long (at most) to finish before they are cut off and logged
 * as interrupted (then retried after a restart): the CLI must exit within 10 s (contract C1).
 */
export const SHUTDOWN_FLUSH_MS = 5_000;
const NO_LOG: WorkerLog = { info() {}, warn() {}, error() {} };

/**
 * The outbox worker (contract C8). Deliveries are due when `next_attempt_at <= clock.now(client)`
 * (each merchant's clock may be offset). It wakes on enqueue, on every clock change (so advancing
 * the clock runs due retries at once), when an attempt ends, and on a real-time timer toward the
 * next due time. Network work never happens inside a transaction, so the API never waits for it.
 */
export function createCallbackWorker(deps: CallbackWorkerDeps) {
  const { store, clock, config } = deps;
  const log = deps.log ?? NO_LOG;
  const concurrency = deps.concurrency ?? 4;
  const inFlight = new Map<string, Promise<void>>();
  const unsubscribe: Array<() => void> = [];
  let started = false;
  let stopped = false;
  let scanQueued = false;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: Array<() => void> = [];
  const shutdown = new AbortController();

  const isIdle = () => !scanQueued && inFlight.size === 0;
  function notifyIfIdle(): void {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Coalesces wake-ups into one scan on the next turn (after any enqueuing transaction commits). */
  function kick(): void {
    if (!started || stopped || scanQueued) return;
    scanQueued = true;
    setImmediate(() => {
      scanQueued = false;
      try {
        scan();
      } catch (error) {
        log.error({ err: error }, 'callback worker scan failed');
      }
      notifyIfIdle();
    });
  }

  function scan(): void {
    if (stopped || !store.db.open) return;
    let nextInMs = Number.POSITIVE_INFINITY;
    for (const { client_id, next_at } of store.deliveries.pendingByClient()) {
      const now = clock.now(client_id);
      if (next_at > now) {
        nextInMs = Math.min(nextInMs, next_at - now);
        continue;
      }
      const free = concurrency - inFlight.size;
      if (free <= 0) continue; // an attempt ending kicks another scan
      const due = store.deliveries.dueForClient(client_id, now, free + inFlight.size);
      for (const delivery of due.filter((d) => !inFlight.has(d.id)).slice(0, free)) start(delivery);
    }
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (Number.isFinite(nextInMs)) {
      timer = setTimeout(kick, Math.min(Math.max(nextInMs, 1), MAX_TIMER_MS));
      timer.unref();
    }
  }

  function start(delivery: DeliveryRecord): void {
    const attempt = runAttempt(delivery).finally(() => {
      inFlight.delete(delivery.id);
      kick();
      notifyIfIdle();
    });
    inFlight.set(delivery.id, attempt);
  }

  async function runAttempt(delivery: DeliveryRecord): Promise<void> {
    const startedAt = clock.now(delivery.client_id);
    const result = await sendCallback({
      url: deps.publicUrl ? delivery.url.replace('{PUBLIC_URL}', deps.publicUrl()) : delivery.url,
      body: delivery.body,
      deliveryId: delivery.id,
      referenceId: delivery.reference_id,
      now: startedAt,
      secret: config.callbackSecret,
      timeoutMs: config.callbackTimeoutMs,
      signal: shutdown.signal,
    });
    const fields = { deliveryId: delivery.id, clientId: delivery.client_id, status: result.status, error: result.error };
    try {
      const state = recordAttempt(store, config, delivery, { startedAt, endedAt: clock.now(delivery.client_id) }, result);
      if (state === 'pending' || state === 'failed') log.warn({ ...fields, state }, 'callback attempt failed');
      else log.info({ ...fields, state }, 'callback attempt');
    } catch (error) {
      log.error({ ...fields, err: error }, 'could not record a callback attempt');
    }
  }

  return {
    /** Starts listening for wake-ups and runs a first scan (deliveries left pending by a previous process resume here). */
    start(): void {
      if (started) return;
      started = true;
      unsubscribe.push(clock.onChange(kick), store.deliveries.onEnqueue(kick));
      kick();
    },
    /**
     * Stops scanning and waits for the attempts in flight to end and be recorded: each is bounded by
     * callbackTimeoutMs, and all of them by `flushMs`, after which they are interrupted.
     */
    async stop(flushMs: number = SHUTDOWN_FLUSH_MS): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const off of unsubscribe.splice(0)) off();
      const deadline = setTimeout(() => shutdown.abort(), flushMs);
      await Promise.allSettled([...inFlight.values()]);
      clearTimeout(deadline);
      scanQueued = false;
      notifyIfIdle();
    },
    kick,
    running: () => started && !stopped,
    /** Resolves once nothing is queued or in flight: tests wait on it instead of sleeping. */
    settled(): Promise<void> {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

export type CallbackWorker = ReturnType<typeof createCallbackWorker>;
