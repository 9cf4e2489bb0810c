import { Worker } from 'node:worker_threads';
import { RepsError } from '@reps/shared';
import { duration } from './grade-challenge-isolated.js';
import { threadEntry } from './grading-thread.js';
import type { CheckOutcome, CheckTask, SkillTask, Task, TaskReply, TaskResults } from './task-protocol.js';
import { fromThreadError } from './thread-protocol.js';

/** How a verdict the pool made up for a stopped thread begins (the checker's own never do). */
const STOPPED = (what: string) => `checking the ${what} stopped:`;
const STOPPED_VERDICT = /^checking the (?:pipeline|skill) stopped:/;

/**
 * Whether a check's verdict is the one the pool gives when the thread doing it was stopped by a
 * limit, rather than the checker's own finding: a caller that memoises verdicts should not keep it.
 */
export function stoppedCheck(outcome: CheckOutcome): boolean {
  return !outcome.ok && outcome.issues.some((issue) => STOPPED_VERDICT.test(issue.message));
}

export interface TaskPoolOptions {
  /** Threads running tasks at once. Default 1. */
  threads?: number;
  /** Wall-clock cap of one task; past it the thread is stopped. Default 10 s. */
  wallMs?: number;
  /** V8 heap of a thread (its resourceLimits.maxOldGenerationSizeMb). Default 256 MB. */
  memoryMb?: number;
  /** Tasks that may wait for a thread; one more is refused as too_many_requests. Default 64. */
  maxWaiting?: number;
}

/** Why a task did not finish: it ran past its cap, or its thread died (out of memory, a crash). */
export class TaskLimitError extends Error {
  constructor(
    readonly reason: 'overran' | 'died',
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  task: Task;
  wallMs: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Threads for work a process must not do on its own event loop: checking a learner's pipeline
 * (its JSON Schemas compile) and running an author's generator. Threads start when first needed
 * and stay for the next task; one that overruns its cap or dies is replaced by a fresh one, so
 * nothing a task leaves behind reaches the next caller's task except through the engine's own
 * bounded memos.
 */
export class TaskPool {
  private readonly options: Required<TaskPoolOptions>;
  private readonly idle: Worker[] = [];
  private readonly waiting: Pending[] = [];
  private running = 0;
  private nextId = 1;
  private closed = false;

  constructor(options: TaskPoolOptions = {}) {
    this.options = {
      threads: options.threads ?? 1,
      wallMs: options.wallMs ?? 10_000,
      memoryMb: options.memoryMb ?? 256,
      maxWaiting: options.maxWaiting ?? 64,
    };
    for (const [name, value] of Object.entries(this.options))
      if (!Number.isInteger(value) || value < (name === 'maxWaiting' ? 0 : 1))
        throw new RangeError(`${name} must be a whole number ≥ 1, not ${value}`);
  }

  /** Runs a task in a thread; rejects with TaskLimitError past the cap or when the thread dies. */
  run<T extends Task>(task: T, wallMs = this.options.wallMs): Promise<TaskResults[T['type']]> {
    if (this.closed) return Promise.reject(closedError());
    if (this.running >= this.options.threads && this.waiting.length >= this.options.maxWaiting)
      return Promise.reject(
        new RepsError('too_many_requests', 'The server is busy checking other work; try again in a moment.'),
      );
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, wallMs, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /**
   * parseForChallenge in a thread: the issues, with a pipeline that takes too long or too much
   * memory to check reported as an invalid pipeline (the learner's to fix), not a server error.
   */
  check(task: Omit<CheckTask, 'type'>, wallMs = this.options.wallMs): Promise<CheckOutcome> {
    return this.verdict({ type: 'check', ...task }, wallMs);
  }

  /** skillProblems in a thread, as check() does for a pipeline. */
  checkSkill(task: Omit<SkillTask, 'type'>, wallMs = this.options.wallMs): Promise<CheckOutcome> {
    return this.verdict({ type: 'skill', ...task }, wallMs);
  }

  private async verdict(task: CheckTask | SkillTask, wallMs: number): Promise<CheckOutcome> {
    try {
      return await this.run(task, wallMs);
    } catch (error) {
      if (!(error instanceof TaskLimitError)) throw error;
      const what = task.type === 'skill' ? 'skill' : 'pipeline';
      // Wall-clock time also grows with the server's load, so a check past its cap is not called
      // invalid: the caller may try again (one check at a time each, so retrying costs only them).
      if (error.reason === 'overran')
        throw new RepsError(
          'service_unavailable',
          `Checking the ${what} stopped: ${error.message}. The server may be busy, so try again in a moment; if it keeps happening, its JSON Schemas are too costly to check: make them smaller or simpler.`,
        );
      return {
        ok: false,
        issues: [
          {
            code: 'invalid_pipeline',
            message: `${STOPPED(what)} ${error.message}; its JSON Schemas are the likely cause: make them smaller or simpler`,
          },
        ],
      };
    }
  }

  /** Stops every thread; tasks in flight or waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) pending.reject(closedError());
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (this.running < this.options.threads && this.waiting.length > 0) {
      const pending = this.waiting.shift() as Pending;
      this.running++;
      this.execute(this.idle.pop() ?? this.spawn(), pending);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(threadEntry('task-thread'), {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    worker.unref();
    return worker;
  }

  private execute(worker: Worker, pending: Pending): void {
    const id = this.nextId++;
    let settled = false;
    let failure: Error | undefined;
    const finish = (keep: boolean, settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.running--;
      if (keep && !this.closed) this.idle.push(worker);
      else worker.terminate().catch(() => undefined);
      settle();
      this.pump();
    };
    const onMessage = (reply: TaskReply) => {
      if (reply.id !== id) return;
      finish(true, () =>
        reply.ok ? pending.resolve(reply.value) : pending.reject(fromThreadError(reply.error)),
      );
    };
    const onError = (error: Error) => {
      failure ??= error;
    };
    const onExit = () =>
      finish(false, () =>
        pending.reject(new TaskLimitError('died', deathMessage(failure, this.options.memoryMb))),
      );
    const timer = setTimeout(
      () =>
        finish(false, () =>
          pending.reject(
            new TaskLimitError('overran', `it ran past the ${duration(pending.wallMs)} wall-clock cap`),
          ),
        ),
      pending.wallMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, task: pending.task });
  }
}

function deathMessage(error: (Error & { code?: string }) | undefined, memoryMb: number): string {
  if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') return `it ran out of memory (the cap is ${memoryMb} MB)`;
  return error ? `its thread crashed: ${error.message}` : 'its thread stopped';
}

/** Work refused because the process is shutting down: another process (or a retry) will take it. */
function closedError(): RepsError {
  return new RepsError('service_unavailable', 'The server is shutting down; try again in a moment.');
}
