import { setMaxListeners } from 'node:events';

/**
 * Deterministic virtual time for one case. Steps are async functions; whenever they wait (a model
 * call, a backoff, a concurrency slot) they wait on this scheduler, which wakes them one at a time
 * in virtual-time order (time, priority, sequence number). Real calls run concurrently, but time
 * only advances once every call in flight has returned, so the order in which real responses
 * arrive never shows in results, traces or budgets.
 */

/** Cancels a subtree of work (a timed-out step, a stopped case) with a reason. */
export class CancelScope {
  private ownReason?: Error;
  private readonly listeners = new Set<(reason: Error) => void>();
  private controller?: AbortController;

  constructor(
    readonly scheduler: VirtualScheduler,
    private readonly parent?: CancelScope,
  ) {}

  get reason(): Error | undefined {
    return this.ownReason ?? this.parent?.reason;
  }

  child(): CancelScope {
    return new CancelScope(this.scheduler, this);
  }

  cancel(reason: Error): void {
    if (this.ownReason) return;
    this.ownReason = reason;
    this.scheduler.cancelled();
    for (const listener of this.listeners) listener(reason);
  }

  /**
   * Aborted when this scope (or an ancestor) is cancelled: what model calls made in the scope pass
   * their provider, one per scope (made on first use) instead of one per call. Any number of calls
   * in flight may listen to it. It follows its parent's signal, so a scope adds one listener to its
   * own cancellation and one to its parent's signal, however deep it is.
   */
  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      setMaxListeners(0, controller.signal);
      this.controller = controller;
      if (this.reason) controller.abort();
      else {
        this.listeners.add(() => controller.abort());
        this.parent?.signal.addEventListener('abort', () => controller.abort(), { once: true });
      }
    }
    return this.controller.signal;
  }

  /** Runs `listener` on cancellation (of this scope or an ancestor); returns an unsubscribe. */
  onCancel(listener: (reason: Error) => void): () => void {
    const parentOff = this.parent?.onCancel(listener);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      parentOff?.();
    };
  }

  throwIfCancelled(): void {
    const reason = this.reason;
    if (reason) throw reason;
  }
}

/** Completions first, then timeouts, then the case's time budget, at equal times. */
export const Priority = { completion: 0, timeout: 1, budget: 2 } as const;

interface Pending {
  time: number;
  priority: number;
  seq: number;
  fire: () => void;
  reject?: (reason: Error) => void;
  scope?: CancelScope;
  dead?: boolean;
}

export interface Timer {
  cancel(): void;
}

export class VirtualScheduler {
  private clock = 0;
  private seq = 0;
  private queue: Pending[] = [];
  private readonly inflight = new Set<Promise<unknown>>();

  get now(): number {
    return this.clock;
  }

  /** Waits `ms` of virtual time. */
  sleep(ms: number, scope: CancelScope): Promise<void> {
    scope.throwIfCancelled();
    return new Promise((resolve, reject) => {
      this.push({
        time: this.clock + Math.max(0, ms),
        priority: Priority.completion,
        seq: this.seq++,
        fire: resolve,
        reject,
        scope,
      });
    });
  }

  /** Calls `fn` at virtual time `at` unless cancelled first (timeouts, budgets). */
  timer(at: number, priority: number, fn: () => void): Timer {
    const pending: Pending = { time: at, priority, seq: this.seq++, fire: fn };
    this.push(pending);
    return {
      cancel: () => {
        pending.dead = true;
      },
    };
  }

  /**
   * Starts real work now and resumes the caller when its virtual duration has passed. The
   * sequence number is taken at the start, so ties break by who asked first, not who returned first.
   */
  external<T>(
    start: () => Promise<T>,
    duration: (outcome: { value?: T; error?: unknown }) => number,
    scope: CancelScope,
  ): Promise<T> {
    scope.throwIfCancelled();
    const seq = this.seq++;
    const startedAt = this.clock;
    return new Promise<T>((resolve, reject) => {
      const settle = (fire: () => void, ms: number) =>
        this.push({
          time: startedAt + Math.max(0, ms),
          priority: Priority.completion,
          seq,
          fire,
          reject,
          scope,
        });
      let running: Promise<unknown>;
      try {
        running = start().then(
          (value) =>
            settle(
              () => resolve(value),
              safeDuration(() => duration({ value })),
            ),
          (error: unknown) =>
            settle(
              () => reject(error),
              safeDuration(() => duration({ error })),
            ),
        );
      } catch (error) {
        running = Promise.resolve();
        settle(() => reject(error), 0);
      }
      this.inflight.add(running);
      void running.finally(() => this.inflight.delete(running));
    });
  }

  /** Runs the case to completion. */
  async run<T>(main: () => Promise<T>): Promise<T> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    main().then(
      (value) => {
        outcome = { ok: true, value };
      },
      (error: unknown) => {
        outcome = { ok: false, error };
      },
    );
    for (;;) {
      await drainMicrotasks();
      if (this.inflight.size) {
        await Promise.allSettled([...this.inflight]);
        continue;
      }
      if (outcome) {
        if (outcome.ok) return outcome.value;
        throw outcome.error;
      }
      const next = this.queue.shift();
      if (!next)
        throw new Error('The pipeline is waiting on nothing (an engine bug): no pending work and no result.');
      if (next.dead) continue;
      this.clock = Math.max(this.clock, next.time);
      const reason = next.scope?.reason;
      if (reason && next.reject) next.reject(reason);
      else next.fire();
    }
  }

  /** A scope was cancelled: its waiters wake now (with the reason) instead of at their time. */
  cancelled(): void {
    let moved = false;
    for (const pending of this.queue) {
      if (pending.scope?.reason && pending.time > this.clock) {
        pending.time = this.clock;
        moved = true;
      }
    }
    if (moved) this.queue.sort(compare);
  }

  private push(pending: Pending): void {
    if (pending.scope?.reason) pending.time = Math.min(pending.time, this.clock);
    // Binary search keeps the queue sorted; it stays small (one entry per waiting branch).
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.queue[mid]!, pending) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, pending);
  }
}

function compare(a: Pending, b: Pending): number {
  return a.time - b.time || a.priority - b.priority || a.seq - b.seq;
}

function safeDuration(fn: () => number): number {
  try {
    const ms = fn();
    return Number.isFinite(ms) ? ms : 0;
  } catch {
    return 0;
  }
}

/** Resolves after every queued microtask has run: all woken steps have reached their next wait. */
function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A counting semaphore in virtual time; waiters are served in the order they asked. */
export class VirtualSemaphore {
  private readonly waiters: { resolve: () => void; reject: (e: Error) => void; scope: CancelScope }[] = [];

  constructor(private available: number) {}

  async acquire(scope: CancelScope): Promise<() => void> {
    scope.throwIfCancelled();
    if (this.available > 0) {
      this.available--;
      return once(() => this.release());
    }
    await new Promise<void>((resolve, reject) => {
      // Unsubscribed once the slot is granted: a case's scopes would otherwise keep a listener per wait.
      const off = scope.onCancel(reject);
      const granted = () => {
        off();
        resolve();
      };
      this.waiters.push({ resolve: granted, reject, scope });
    });
    return once(() => this.release());
  }

  private release(): void {
    for (;;) {
      const next = this.waiters.shift();
      if (!next) {
        this.available++;
        return;
      }
      if (!next.scope.reason) {
        next.resolve();
        return;
      }
    }
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
