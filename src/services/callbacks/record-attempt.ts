import type { DeliveryRecord, DeliveryState } from '../../store/deliveries.js';
import type { Store } from '../../store/index.js';
import { outcomeOf, type RetryPolicy } from './policy.js';
import type { SendResult } from './sender.js';

export interface AttemptTimes {
  /** Mock-clock time the POST started (the attempt's `at`). */
  startedAt: number;
  /** Mock-clock time the answer (or error) came: the backoff counts from here. */
  endedAt: number;
}

/**
 * Logs one attempt and applies the retry policy, right after the answer, so a 2xx is never followed
 * by another send. Returns the delivery's new state, or 'gone' when a reset deleted it meanwhile.
 */
export function recordAttempt(store: Store, policy: RetryPolicy, delivery: DeliveryRecord, times: AttemptTimes, result: SendResult): DeliveryState | 'gone' {
  if (!store.db.open) return 'gone';
  return store.transaction(() => {
    const current = store.deliveries.byId(delivery.id);
    if (!current || current.state !== 'pending') return 'gone';
    // Counted from the current row: a redelivery during the attempt restarts the round.
    const outcome = outcomeOf(result.status, current.attempts + 1, times.endedAt, policy);
    const logged = { status: result.status, latency_ms: result.latencyMs, error: result.error };
    store.deliveries.recordAttempt(current.id, { delivery_id: current.id, at: times.startedAt, ...logged, response_excerpt: result.excerpt }, outcome);
    // The order's timeline (contract C6) shows every attempt.
    if (current.order_id !== null) {
      const { state, attempts: attempt, next_attempt_at } = outcome;
      store.orders.addEvent(current.order_id, times.startedAt, 'callback.attempt', { delivery_id: current.id, attempt, ...logged, state, next_attempt_at });
    }
    return outcome.state;
  });
}
