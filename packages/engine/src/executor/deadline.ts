import type { CancelScope, VirtualScheduler } from './virtual-scheduler.js';

/**
 * Runs `fn` against a deadline on the virtual clock: at `at`, unless `fn` settled first, `scope`
 * is cancelled with the error `expire()` makes and the promise rejects with it. Both the case's
 * time budget and a step's timeout are this race.
 */
export function withDeadline<T>(
  scheduler: VirtualScheduler,
  at: number,
  priority: number,
  scope: CancelScope,
  expire: () => Error,
  fn: () => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = scheduler.timer(at, priority, () => {
      if (settled) return;
      settled = true;
      const failure = expire();
      scope.cancel(failure);
      reject(failure);
    });
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      timer.cancel();
      finish();
    };
    fn().then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error)),
    );
  });
}
