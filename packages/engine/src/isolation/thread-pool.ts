import { availableParallelism } from 'node:os';
import { GradingThread } from './grading-thread.js';

export interface GradingThreadPoolOptions {
  /** Idle threads kept, over every heap size. Default twice the machine's cores. */
  maxIdle?: number;
  /** Jobs a thread is lent to before it is ended. Default 25. */
  maxJobs?: number;
  /** How long an idle thread is kept. Default 5 min. */
  idleMs?: number;
  /** How long a thread may take to drop a job's state before it is ended instead. Default 5 s. */
  resetMs?: number;
  /**
   * A thread whose V8 heap still holds more than this share of its limit once a job's state is
   * dropped is ended instead of kept (a memo or a leak that grew). Default 0.5.
   */
  maxHeapShare?: number;
}

interface IdleThread {
  thread: GradingThread;
  timer: NodeJS.Timeout;
}

/** A thread given back and being reset; `claimed` once a job took it before the verdict. */
interface ResettingThread {
  verdict: Promise<boolean>;
  claimed: boolean;
}

/**
 * Grading threads kept from one job to the next. Starting a thread costs the engine's import and
 * the QuickJS WebAssembly module's compilation, about half a second of a core each time and more
 * than the grading of a 100-case reference spends in its cases' model calls; a pooled thread has
 * paid it, and its compiled code is warm.
 *
 * A job gets a thread that holds nothing of an earlier one: when a job gives a thread back, the
 * thread drops that job's grading (pipeline, cases, scorer) and its QuickJS instances, so the next
 * job's sandboxes start on linear memory no earlier job wrote; only code and the engine's memos,
 * keyed by content and bounded, stay. Only a thread whose cases all finished comes back: one that
 * ran past a cap, died, or was cut off mid-work is ended by its grader, never pooled.
 *
 * Threads are ended after `maxJobs` jobs, after `idleMs` idle, when they answer the reset slowly or
 * with too much heap still in use, and on close(). Idle threads do not keep the process alive.
 */
export class GradingThreadPool {
  private readonly options: Required<GradingThreadPoolOptions>;
  private readonly idle: IdleThread[] = [];
  /** Threads given back and not yet judged: whether their reset left them fit to be kept. */
  private readonly resetting = new Map<GradingThread, ResettingThread>();
  private closed = false;
  /** Threads this pool started. */
  private started = 0;

  constructor(options: GradingThreadPoolOptions = {}) {
    this.options = {
      maxIdle: options.maxIdle ?? 2 * availableParallelism(),
      maxJobs: options.maxJobs ?? 25,
      idleMs: options.idleMs ?? 5 * 60_000,
      resetMs: options.resetMs ?? 5_000,
      maxHeapShare: options.maxHeapShare ?? 0.5,
    };
    for (const [name, value] of Object.entries(this.options)) {
      const whole = name !== 'maxHeapShare';
      if (!(value >= 0) || (whole && !Number.isInteger(value)) || (!whole && value > 1))
        throw new RangeError(
          `${name} must be ${whole ? 'a whole number ≥ 0' : 'between 0 and 1'}, not ${value}`,
        );
    }
  }

  /**
   * A thread with this heap limit for a job: an idle one (the most recently used), else one still
   * dropping its last job, else a new one. What the job sends a thread still dropping its last job
   * waits for the reset's verdict, and goes to a fresh thread instead if the pool would not have
   * kept that one (see GradingThread.holdUntil): a job never runs on a thread the checks refused.
   */
  take(memoryMb: number): GradingThread {
    const lent = (thread: GradingThread) => {
      thread.hold(true);
      thread.jobs++;
      return thread;
    };
    for (let at = this.idle.length - 1; at >= 0; at--) {
      const { thread, timer } = this.idle[at]!;
      if (thread.memoryMb !== memoryMb) continue;
      this.idle.splice(at, 1);
      clearTimeout(timer);
      if (thread.alive) return lent(thread);
    }
    for (const [thread, resetting] of this.resetting) {
      if (thread.memoryMb !== memoryMb || !thread.alive) continue;
      resetting.claimed = true;
      this.resetting.delete(thread);
      thread.holdUntil(resetting.verdict, () => this.started++);
      return lent(thread);
    }
    const thread = new GradingThread(memoryMb);
    thread.jobs = 1;
    this.started++;
    return thread;
  }

  /**
   * A thread back from a job, idle (every case it was sent has finished). It is reset before it
   * is lent again, or ended.
   */
  give(thread: GradingThread): void {
    if (this.closed || !thread.alive || thread.jobs >= this.options.maxJobs || this.options.maxIdle === 0) {
      end(thread);
      return;
    }
    thread.hold(false);
    thread.listen();
    const maxHeapBytes = thread.memoryMb * 1024 * 1024 * this.options.maxHeapShare;
    const verdict = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.options.resetMs).unref();
      void thread.reset().then((heapBytes) => {
        clearTimeout(timer);
        resolve(heapBytes !== undefined && heapBytes <= maxHeapBytes);
      });
    });
    const resetting: ResettingThread = { verdict, claimed: false };
    this.resetting.set(thread, resetting);
    void verdict.then((keep) => {
      // A job took it meanwhile: the verdict is the job's thread's to act on (holdUntil).
      if (resetting.claimed) return;
      this.resetting.delete(thread);
      if (keep && !this.closed && thread.alive) this.keep(thread);
      else end(thread);
    });
  }

  /** Idle threads now, those being reset, and how many threads the pool has started in all. */
  get size(): { idle: number; resetting: number; started: number } {
    return { idle: this.idle.length, resetting: this.resetting.size, started: this.started };
  }

  /** Ends every idle thread; threads given back later are ended too. */
  async close(): Promise<void> {
    this.closed = true;
    const threads = [...this.idle.map((entry) => entry.thread), ...this.resetting.keys()];
    for (const { timer } of this.idle) clearTimeout(timer);
    this.idle.length = 0;
    this.resetting.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private keep(thread: GradingThread): void {
    while (this.idle.length >= this.options.maxIdle) end(this.idle.shift()!);
    const entry: IdleThread = {
      thread,
      timer: setTimeout(() => {
        const at = this.idle.indexOf(entry);
        if (at >= 0) end(this.idle.splice(at, 1)[0]!);
      }, this.options.idleMs).unref(),
    };
    this.idle.push(entry);
  }
}

function end(entry: GradingThread | IdleThread): void {
  if ('timer' in entry) clearTimeout(entry.timer);
  const thread = 'timer' in entry ? entry.thread : entry;
  thread.terminate().catch(() => undefined);
}

/** The process's pool, used by every IsolatedGrader not given one. */
export const gradingThreadPool = new GradingThreadPool();
