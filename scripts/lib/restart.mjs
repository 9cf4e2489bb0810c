// When `npm start` restarts a crashed API or worker: exponential backoff that resets once the
// process has stayed up a while, and a give-up rule for a process that keeps crashing. Pure, so the
// rule is tested without crashing anything.

export const RESTART_POLICY = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** A process up this long before it crashed starts the backoff again from the first delay. */
  stableMs: 60_000,
  /** This many crashes of one process within windowMs and we stop everything. */
  maxCrashes: 5,
  windowMs: 120_000,
};

/**
 * What to do after a process crashed at `now`. `history` is what the previous call returned (or
 * undefined for the first crash); `startedAt` is when the crashed process was started.
 * Returns { giveUp, attempt, delayMs, crashes }: restart attempt `attempt` after `delayMs`, unless
 * `giveUp`; `crashes` are the crash times still inside the window, to pass back next time.
 */
export function afterCrash(history, startedAt, now, policy = RESTART_POLICY) {
  const crashes = [...(history?.crashes ?? []).filter((t) => now - t < policy.windowMs), now];
  const attempt = !history || now - startedAt >= policy.stableMs ? 1 : history.attempt + 1;
  const delayMs = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return { giveUp: crashes.length >= policy.maxCrashes, attempt, delayMs, crashes };
}
