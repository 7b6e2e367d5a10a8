import type { Config } from '../../config.js';
import type { AttemptOutcome } from '../../store/deliveries.js';

export type RetryPolicy = Pick<Config, 'callbackInitialDelay' | 'callbackMaxDelay' | 'callbackMaxAttempts'>;

/** 2xx = delivered (contract C8); anything else, including no answer at all, is retried. */
export const isDelivered = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/**
 * Seconds to wait after failed attempt number `attempt` (1-based): the initial delay, doubling,
 * capped (contract C8: 1 s, 2 s, 4 s … capped at 1 h by default).
 */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy): number {
  // 2 ** 60 is already past any cap; bounding the exponent keeps the number finite.
  const doubled = policy.callbackInitialDelay * 2 ** Math.min(attempt - 1, 60);
  return Math.min(doubled, policy.callbackMaxDelay);
}

/** The delivery's next state after attempt number `attempt` of its round ended at `now` (ms). */
export function outcomeOf(status: number | null, attempt: number, now: number, policy: RetryPolicy): AttemptOutcome {
  if (isDelivered(status)) return { state: 'delivered', attempts: attempt, next_attempt_at: null, updated_at: now };
  if (attempt >= policy.callbackMaxAttempts) return { state: 'failed', attempts: attempt, next_attempt_at: null, updated_at: now };
  return { state: 'pending', attempts: attempt, next_attempt_at: now + retryDelaySeconds(attempt, policy) * 1000, updated_at: now };
}
