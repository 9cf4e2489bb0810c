import { availableParallelism } from 'node:os';
import {
  type CaseKind,
  type ChallengeCase,
  type ErrorCode,
  emptyUsage,
  type Issue,
  type Pipeline,
  RepsError,
} from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import { type CaseResult, summarize } from '../grade/grade.js';
import type { GradeChallengeOutcome } from '../grade/grade-challenge.js';
import { GeneratedCaseCache, hostCaseCache } from './case-cache.js';
import { type CpuSlots, cpuSlots } from './cpu-slots.js';
import type { GatewaySpec } from './gateway-spec.js';
import { GradingThread } from './grading-thread.js';
import { type GradingThreadPool, gradingThreadPool } from './thread-pool.js';
import { fromThreadError, type PreparedCases, type ThreadError, type ThreadJob } from './thread-protocol.js';

export interface IsolationLimits {
  /** Wall-clock cap of one case run alone, and of checking the pipeline. Default 30 s. */
  caseWallMs?: number;
  /** Wall-clock cap of the job: every grading of one IsolatedGrader. Default 15 min. */
  jobWallMs?: number;
  /** V8 heap of a grading thread (its resourceLimits.maxOldGenerationSizeMb). Default 512 MB. */
  threadMemoryMb?: number;
  /**
   * Threads one grading spreads its cases over, each with `threadMemoryMb`; the result does not
   * depend on it. Default min(2, the machine's cores).
   */
  threads?: number;
}

export const DEFAULT_ISOLATION_LIMITS: Readonly<Required<IsolationLimits>> = {
  caseWallMs: 30_000,
  jobWallMs: 15 * 60_000,
  threadMemoryMb: 512,
  threads: Math.min(2, availableParallelism()),
};

/** What gradeChallenge takes, as data: the gateway as a spec and the skills as their sources. */
export interface IsolatedGrading {
  challenge: LoadedChallenge;
  /** The pipeline as the learner wrote it (YAML or JSON). */
  pipelineSource: string;
  kind: CaseKind;
  /** REPS_HIDDEN_SEED; required for hidden cases. */
  secret?: string;
  /** The first N cases of the kind; default all the manifest asks for. */
  count?: number;
  /** Default: the simulated models, and real providers that say they are not set up. */
  gateway?: GatewaySpec;
  /** Skill sources keyed `name` and `name@version` (see skillLibrary). */
  skills?: Record<string, string>;
  /** Cases run at once, over all the grading's threads; the result does not depend on it. Default 4. */
  caseConcurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Refuse real models without a known price (graded submissions: their cost counts). */
  requireKnownPrices?: boolean;
  /**
   * Where the grading finds the cases an earlier one generated, and keeps those it generates.
   * Default: the process's cache (hostCaseCache); `false` generates every time.
   */
  caseCache?: GeneratedCaseCache | false;
  /**
   * Default true: every case result carries its whole trace. False: the trace keeps its status,
   * error, latency and usage and no steps, all that a summary (and a hidden case's view) reads;
   * the steps, every prompt and answer of a case, then never leave the thread.
   */
  traces?: boolean;
}

export interface GradeChallengeIsolatedOptions extends IsolatedGrading, IsolationLimits {
  /** Where the grading's threads come from and go back to. Default the process's pool; `false`: fresh threads, ended after. */
  threadPool?: GradingThreadPool | false;
}

/**
 * gradeChallenge in worker threads the caller's process can stop: the same inputs (as data) and
 * the same outcome, to the last digit, for a pipeline that stays within its limits. Anything
 * synchronous that runs away (a scorer, a schema, a model call) cannot stall the caller's event
 * loop, the thread's memory (QuickJS heaps included) goes back when the grading ends, and:
 * - a case running alone past `caseWallMs`, or killing its thread alone (out of memory, a crash),
 *   ends as sandbox_limit with score 0; the other cases go on (those of its thread in a fresh one);
 * - past `jobWallMs` every unfinished case ends as timeout with score 0.
 */
export async function gradeChallengeIsolated(
  options: GradeChallengeIsolatedOptions,
): Promise<GradeChallengeOutcome> {
  const grader = new IsolatedGrader(options, options.threadPool);
  try {
    return await grader.grade(options);
  } finally {
    await grader.close();
  }
}

type Settle = (index: number, result: CaseResult) => void;

type PrepareEnd =
  | { kind: 'ready'; prepared: PreparedCases; generated: number; simulatedOnly: boolean }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'overran' }
  | { kind: 'died'; reason: string; phase: 'starting' | 'parsing' | 'generating' }
  | { kind: 'failed'; error: ThreadError }
  | { kind: 'expired' };

type BatchOutcome =
  | { kind: 'ran' }
  | { kind: 'overran' }
  | { kind: 'died'; reason: string }
  | { kind: 'failed'; error: ThreadError }
  | { kind: 'expired' }
  /** Another lane failed: the grading is over, this lane's cases no longer matter. */
  | { kind: 'aborted' };

/** How a batch of cases ended, and which of its cases were in flight or sent but not started. */
type BatchEnd = BatchOutcome & { inFlight: number[]; notStarted: number[] };

/** One of a grader's threads, and the grading it was last prepared for. */
interface Lane {
  thread?: GradingThread;
  preparedFor?: number;
}

/** The cases of one grading, shared by its lanes. */
interface CaseQueue {
  /** Cases no lane has taken yet, in case order. */
  pending: number[];
  /** Cases that were in flight when their thread had to be stopped: each runs alone next. */
  suspects: number[];
  /** Set once the grading is over for every lane (the job cap, a platform error). */
  over: boolean;
  /** Ends the lanes' running batches early (another lane failed). */
  aborts: Set<() => void>;
}

/**
 * The gradings of one job (a submission grades its hidden cases, then its public ones) in up to
 * `threads` threads, under one job wall-clock cap. A thread is taken (from the pool, else started)
 * when first needed, replaced when it had to be stopped, and given back by close(): the pool
 * drops everything of the job in it, QuickJS instances included, so memory that WebAssembly never
 * gives back is given back with the job (see thread-pool.ts). Only a thread whose cases all
 * finished is given back; one stopped mid-work is ended.
 *
 * The first thread checks the pipeline and generates the cases (unless the process's case cache has
 * them from an earlier grading: then it is handed them); the others are handed them. Each
 * thread (a lane) takes the next case not yet taken whenever it has room, so a grading's cases
 * spread over its threads however long each takes. A case's result does not depend on the thread
 * it ran in or on when it finished: every case is its own run, and results are kept in case order.
 *
 * Cases run several at once, so when a thread has to be stopped the case at fault is not known:
 * the cases in flight in that thread are run again one at a time in a fresh thread, and only a
 * case that overruns (or kills the thread) alone is marked.
 */
export class IsolatedGrader {
  private readonly limits: Required<IsolationLimits>;
  private readonly deadline: number;
  private readonly lanes: Lane[];
  private gradings = 0;
  private busy = false;
  /** The pipeline the job's last grading checked, and what it was checked for (see checkedBefore). */
  private checked?: { grading: IsolatedGrading; pipeline: Pipeline };

  constructor(
    limits: IsolationLimits = {},
    private readonly pool: GradingThreadPool | false = gradingThreadPool,
    private readonly slots: CpuSlots = cpuSlots,
  ) {
    this.limits = {
      caseWallMs: limits.caseWallMs ?? DEFAULT_ISOLATION_LIMITS.caseWallMs,
      jobWallMs: limits.jobWallMs ?? DEFAULT_ISOLATION_LIMITS.jobWallMs,
      threadMemoryMb: limits.threadMemoryMb ?? DEFAULT_ISOLATION_LIMITS.threadMemoryMb,
      threads: limits.threads ?? DEFAULT_ISOLATION_LIMITS.threads,
    };
    for (const [name, value] of Object.entries(this.limits))
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`${name} must be a whole number ≥ 1, not ${value}`);
    this.deadline = Date.now() + this.limits.jobWallMs;
    this.lanes = Array.from({ length: this.limits.threads }, () => ({}));
  }

  /** One grading at a time: the gradings of a job share its threads. */
  async grade(grading: IsolatedGrading): Promise<GradeChallengeOutcome> {
    if (this.busy) throw new Error('An IsolatedGrader grades one grading at a time; await the first.');
    this.busy = true;
    try {
      return await this.gradeNow(grading);
    } finally {
      this.busy = false;
    }
  }

  private async gradeNow(grading: IsolatedGrading): Promise<GradeChallengeOutcome> {
    const job: ThreadJob = {
      challenge: grading.challenge,
      pipelineSource: grading.pipelineSource,
      kind: grading.kind,
      ...(grading.secret !== undefined ? { secret: grading.secret } : {}),
      ...(grading.count !== undefined ? { count: grading.count } : {}),
      gateway: grading.gateway ?? {},
      ...(grading.skills ? { skills: grading.skills } : {}),
      ...(grading.requireKnownPrices ? { requireKnownPrices: true } : {}),
      ...(grading.traces === false ? { traces: false as const } : {}),
    };
    const id = ++this.gradings;
    const first = this.lanes[0]!;
    const cache = grading.caseCache ?? hostCaseCache;
    const kept = cache ? keptCases(cache, grading) : undefined;
    const checked = this.checkedBefore(grading);
    // The other threads boot while the first checks the pipeline and generates the cases.
    for (const lane of this.lanes.slice(1)) this.startedThread(lane);
    const end = await this.prepare(
      this.startedThread(first),
      kept?.cases
        ? checked
          ? { ...job, prepared: { pipeline: checked, cases: kept.cases } }
          : { ...job, cases: kept.cases }
        : job,
    );
    if (end.kind === 'invalid') return { ok: false, issues: end.issues };
    if (end.kind !== 'ready') return this.preparationFailed(first, end);
    first.preparedFor = id;
    this.checked = { grading, pipeline: end.prepared.pipeline };
    if (cache) {
      cache.countGenerated(end.generated);
      if (kept && !kept.cases) cache.keep(kept.key, end.prepared.cases);
    }
    const { pipeline, cases } = end.prepared;
    const results = await this.runCases({ ...job, prepared: end.prepared }, id, grading, end.simulatedOnly);
    return { ok: true, pipeline, cases, result: summarize(results) };
  }

  /** Gives the threads back to the pool (or ends them); the grader can still grade after, in others. */
  async close(): Promise<void> {
    const threads = this.lanes.map((lane) => lane.thread);
    for (const lane of this.lanes) lane.thread = undefined;
    const pool = this.pool;
    await Promise.all(threads.map((thread) => (thread && pool ? pool.give(thread) : thread?.terminate())));
  }

  /**
   * The pipeline as checked for the job's last grading when this one would check it the same way
   * (the same challenge, source, skills, gateway and price rule; only the kind of cases differs, as
   * for a submission's public cases after its hidden ones): checking it again would give the same.
   */
  private checkedBefore(grading: IsolatedGrading): Pipeline | undefined {
    const last = this.checked?.grading;
    const same =
      last !== undefined &&
      last.challenge === grading.challenge &&
      last.pipelineSource === grading.pipelineSource &&
      last.skills === grading.skills &&
      last.gateway === grading.gateway &&
      Boolean(last.requireKnownPrices) === Boolean(grading.requireKnownPrices);
    return same ? this.checked?.pipeline : undefined;
  }

  private startedThread(lane: Lane): GradingThread {
    if (!lane.thread) {
      lane.thread = this.pool
        ? this.pool.take(this.limits.threadMemoryMb)
        : new GradingThread(this.limits.threadMemoryMb);
      lane.preparedFor = undefined;
    }
    return lane.thread;
  }

  /** Stops a thread without waiting: a thread stuck in synchronous work stops when V8 gets to it. */
  private dropThread(lane: Lane): void {
    const thread = lane.thread;
    lane.thread = undefined;
    thread?.terminate().catch(() => undefined);
  }

  private async preparationFailed(lane: Lane, end: Exclude<PrepareEnd, { kind: 'ready' | 'invalid' }>) {
    this.dropThread(lane);
    const invalid = (message: string): GradeChallengeOutcome => ({
      ok: false,
      issues: [{ code: 'invalid_pipeline', message }],
    });
    switch (end.kind) {
      case 'overran':
        return invalid(
          `checking the pipeline ran past the ${duration(this.limits.caseWallMs)} wall-clock cap`,
        );
      case 'died':
        if (end.phase === 'parsing')
          return invalid(`checking the pipeline stopped its grading thread: ${end.reason}`);
        throw new Error(
          `The grading thread stopped while ${end.phase === 'generating' ? 'generating the cases' : 'starting'}: ${end.reason}`,
        );
      case 'failed':
        throw fromThreadError(end.error);
      case 'expired':
        throw new RepsError(
          'timeout',
          `Preparing the cases ran past the grading's ${duration(this.limits.jobWallMs)} wall-clock cap.`,
        );
    }
  }

  /**
   * Checks the pipeline and generates the cases (or hands a fresh thread those already made).
   * Checking runs a learner's schemas, so it has the case cap; a job already past its cap still
   * gets that long to produce its cases, so they can be reported as timed out.
   */
  private prepare(thread: GradingThread, job: ThreadJob): Promise<PrepareEnd> {
    const cap = Math.max(this.deadline - Date.now(), this.limits.caseWallMs);
    return new Promise((resolve) => {
      let phase: 'starting' | 'parsing' | 'generating' = 'starting';
      let checkTimer: NodeJS.Timeout | undefined;
      const finish = (end: PrepareEnd) => {
        clearTimeout(capTimer);
        clearTimeout(checkTimer);
        thread.listen();
        resolve(end);
      };
      const capTimer = setTimeout(() => finish({ kind: 'expired' }), cap);
      thread.listen(
        (message) => {
          if (message.type === 'parsing') {
            phase = 'parsing';
            checkTimer = setTimeout(() => finish({ kind: 'overran' }), this.limits.caseWallMs);
          } else if (message.type === 'parsed') {
            phase = 'generating';
            clearTimeout(checkTimer);
          } else if (message.type === 'invalid') finish({ kind: 'invalid', issues: message.issues });
          else if (message.type === 'ready') {
            const cases = message.cases ?? job.cases ?? job.prepared?.cases;
            if (!cases) throw new Error('a grading thread was handed no cases and sent none back');
            finish({
              kind: 'ready',
              prepared: { pipeline: message.pipeline, cases },
              generated: message.generated,
              simulatedOnly: message.simulatedOnly,
            });
          } else if (message.type === 'failed') finish({ kind: 'failed', error: message.error });
        },
        (reason) => finish({ kind: 'died', reason, phase }),
      );
      thread.send({ type: 'prepare', job });
    });
  }

  /**
   * Runs every case over the lanes. `caseConcurrency` counts the cases in flight over all
   * threads, split evenly among them, when a case may wait on a real model; when every model is
   * simulated (`cpuOnly`) a case never waits, so each thread runs one at a time: cases run side by
   * side in a thread only take turns on its core, with more memory and garbage in play (the
   * meeting-action-items reference graded in 3.6 s of CPU one at a time, 4.2 s four at a time). A
   * lane that fails ends the others' batches before the error goes up, so no thread or timer
   * outlives the grading.
   */
  private async runCases(
    job: ThreadJob & { prepared: PreparedCases },
    id: number,
    grading: IsolatedGrading,
    cpuOnly: boolean,
  ) {
    const { cases } = job.prepared;
    const results: CaseResult[] = new Array(cases.length);
    let done = 0;
    const settle: Settle = (index, result) => {
      results[index] = result;
      grading.onProgress?.(++done, cases.length);
    };
    const queue: CaseQueue = {
      pending: cases.map((_, index) => index),
      suspects: [],
      over: false,
      aborts: new Set(),
    };
    const lanes = this.lanes.slice(0, Math.max(1, Math.min(this.lanes.length, cases.length)));
    // No lane takes more than its share of a small grading while another waits for cases.
    const concurrency = cpuOnly
      ? 1
      : Math.min(
          Math.ceil(Math.max(1, grading.caseConcurrency ?? 4) / lanes.length),
          Math.ceil(cases.length / lanes.length),
        );
    const ended = await Promise.allSettled(
      lanes.map((lane) =>
        this.slotted(cpuOnly, queue, () =>
          this.runLane(lane, { job, id, cases: cases.map((c) => c.id), queue, concurrency, settle }),
        ).catch((error: unknown) => {
          queue.over = true;
          for (const abort of queue.aborts) abort();
          throw error;
        }),
      ),
    );
    const failure = ended.find((end) => end.status === 'rejected');
    if (failure) throw failure.reason;
    return results;
  }

  /**
   * Runs a lane of a CPU-bound grading once it holds one of the process's CPU slots (cpu-slots.ts),
   * and gives the slot back when the lane is done; a lane that may wait on a real model runs at
   * once. A grading that ends while its lane waits (another lane failed) withdraws the request.
   */
  private async slotted(cpuOnly: boolean, queue: CaseQueue, lane: () => Promise<void>): Promise<void> {
    if (!cpuOnly) return lane();
    const granted = await new Promise<boolean>((resolve) => {
      const abort = () => {
        withdraw();
        resolve(false);
      };
      queue.aborts.add(abort);
      const withdraw = this.slots.request(() => {
        queue.aborts.delete(abort);
        resolve(true);
      });
    });
    if (!granted) return;
    try {
      await lane();
    } finally {
      this.slots.release();
    }
  }

  /** One lane: batches of pending cases, or a suspect alone, until there is nothing left to take. */
  private async runLane(lane: Lane, run: LaneRun): Promise<void> {
    const { queue, settle } = run;
    const stop = (indices: number[], status: ErrorCode, reason: string) => {
      for (const index of indices) settle(index, stoppedCase(run.cases[index]!, status, reason));
    };
    for (;;) {
      if (queue.over) return;
      const alone = queue.suspects.length > 0;
      if (!alone && queue.pending.length === 0) return;
      const take = alone ? queue.suspects.splice(0, 1) : queue.pending;
      const end = await this.runBatch(lane, run, take, alone ? 1 : run.concurrency);
      if (end.kind === 'ran') continue;
      this.dropThread(lane);
      if (end.kind === 'aborted') return;
      if (end.kind === 'expired') {
        queue.over = true;
        const unfinished = [
          ...end.inFlight,
          ...end.notStarted,
          ...take.splice(0),
          ...queue.suspects.splice(0),
          ...queue.pending.splice(0),
        ].sort((a, b) => a - b);
        stop(unfinished, 'timeout', this.jobWallReason());
        return;
      }
      if (end.kind === 'failed') throw fromThreadError(end.error);
      if (end.inFlight.length === 0)
        throw new Error(
          `The grading thread stopped between cases: ${end.kind === 'died' ? end.reason : end.kind}`,
        );
      if (alone) {
        const reason =
          end.kind === 'overran'
            ? `case ran past the ${duration(this.limits.caseWallMs)} wall-clock cap`
            : `case stopped its grading thread: ${end.reason}`;
        stop(end.inFlight, 'sandbox_limit', reason);
        continue;
      }
      queue.suspects.push(...end.inFlight);
      queue.pending.push(...end.notStarted);
      queue.pending.sort((a, b) => a - b);
    }
  }

  /**
   * Runs cases taken from `take` in the lane's thread (a fresh one, handed the prepared cases, if
   * it was stopped or last prepared for another grading), keeping `concurrency` of them in flight,
   * until `take` is empty and every case sent has finished.
   */
  private async runBatch(lane: Lane, run: LaneRun, take: number[], concurrency: number): Promise<BatchEnd> {
    const untouched = { inFlight: [], notStarted: [] };
    if (Date.now() >= this.deadline) return { kind: 'expired', ...untouched };
    if (lane.preparedFor !== run.id || !lane.thread) {
      const end = await this.prepare(this.startedThread(lane), run.job);
      if (run.queue.over) return { kind: 'aborted', ...untouched };
      if (end.kind === 'expired') return { kind: 'expired', ...untouched };
      if (end.kind !== 'ready') {
        this.dropThread(lane);
        if (end.kind === 'failed') throw fromThreadError(end.error);
        const why = end.kind === 'died' ? `: ${end.reason}` : ` (${end.kind})`;
        throw new Error(`A fresh grading thread could not take the cases over${why}.`);
      }
      lane.preparedFor = run.id;
    }
    const thread = lane.thread!;
    return new Promise((resolve) => {
      const sent = new Set<number>();
      const inFlight = new Map<number, NodeJS.Timeout>();
      let ended = false;
      const end = (outcome: BatchOutcome) => {
        if (ended) return;
        ended = true;
        clearTimeout(jobTimer);
        for (const timer of inFlight.values()) clearTimeout(timer);
        run.queue.aborts.delete(abort);
        thread.listen();
        resolve({
          ...outcome,
          inFlight: [...inFlight.keys()].sort((a, b) => a - b),
          notStarted: [...sent].sort((a, b) => a - b),
        });
      };
      const abort = () => end({ kind: 'aborted' });
      const feed = () => {
        while (sent.size + inFlight.size < concurrency && take.length > 0) {
          const index = take.shift()!;
          sent.add(index);
          thread.send({ type: 'run', index });
        }
        if (sent.size + inFlight.size === 0) end({ kind: 'ran' });
      };
      run.queue.aborts.add(abort);
      const jobTimer = setTimeout(() => end({ kind: 'expired' }), Math.max(0, this.deadline - Date.now()));
      thread.listen(
        (message) => {
          if (message.type === 'start') {
            sent.delete(message.index);
            const timer = setTimeout(() => end({ kind: 'overran' }), this.limits.caseWallMs);
            inFlight.set(message.index, timer);
          } else if (message.type === 'done') {
            clearTimeout(inFlight.get(message.index));
            inFlight.delete(message.index);
            run.settle(message.index, message.result);
            if (!ended) feed();
          } else if (message.type === 'failed') end({ kind: 'failed', error: message.error });
        },
        (reason) => end({ kind: 'died', reason }),
      );
      feed();
    });
  }

  private jobWallReason(): string {
    return `the grading ran past its ${duration(this.limits.jobWallMs)} wall-clock cap before this case finished`;
  }
}

/** What every lane of one grading shares. */
interface LaneRun {
  job: ThreadJob & { prepared: PreparedCases };
  /** The grading's number in its grader: a thread prepared for another must be prepared again. */
  id: number;
  /** Case ids by index, for the results of cases the host stops. */
  cases: string[];
  queue: CaseQueue;
  /** Cases in flight in one thread. */
  concurrency: number;
  settle: Settle;
}

/**
 * The grading's key in the case cache and the cases kept under it, if any (a hit). None for a count
 * the engine will refuse, or hidden cases without a secret: the thread reports those.
 */
function keptCases(
  cache: GeneratedCaseCache,
  grading: IsolatedGrading,
): { key: string; cases?: ChallengeCase[] } | undefined {
  const count = grading.count ?? grading.challenge.manifest.cases[grading.kind];
  if (!Number.isInteger(count) || count < 0) return undefined;
  if (grading.kind === 'hidden' && grading.secret === undefined) return undefined;
  const key = GeneratedCaseCache.keyOf(grading.challenge, grading.kind, grading.secret);
  return { key, cases: cache.take(key, count) };
}

/** The result of a case the host had to stop: score 0, nothing spent that it knows of. */
function stoppedCase(id: string, status: ErrorCode, reason: string): CaseResult {
  return {
    id,
    status,
    score: 0,
    reason,
    cost_usd: 0,
    latency_ms: 0,
    output: null,
    trace: {
      status,
      error: { code: status, message: reason },
      latency_ms: 0,
      usage: emptyUsage(),
      steps: [],
    },
  };
}

/** 500 → "500 ms", 30 000 → "30 s", 900 000 → "15 min". */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000 || ms % 60_000 !== 0) return `${Math.round(ms / 100) / 10} s`;
  return `${ms / 60_000} min`;
}
