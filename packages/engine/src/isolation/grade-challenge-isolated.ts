import { type CaseKind, type ErrorCode, emptyUsage, type Issue, RepsError } from '@reps/shared';
import type { LoadedChallenge } from '../challenges/load-challenge.js';
import { type CaseResult, summarize } from '../grade/grade.js';
import type { GradeChallengeOutcome } from '../grade/grade-challenge.js';
import type { GatewaySpec } from './gateway-spec.js';
import { GradingThread } from './grading-thread.js';
import { fromThreadError, type PreparedCases, type ThreadError, type ThreadJob } from './thread-protocol.js';

export interface IsolationLimits {
  /** Wall-clock cap of one case run alone, and of checking the pipeline. Default 30 s. */
  caseWallMs?: number;
  /** Wall-clock cap of the job: every grading of one IsolatedGrader. Default 15 min. */
  jobWallMs?: number;
  /** V8 heap of a grading thread (its resourceLimits.maxOldGenerationSizeMb). Default 512 MB. */
  threadMemoryMb?: number;
}

export const DEFAULT_ISOLATION_LIMITS: Readonly<Required<IsolationLimits>> = {
  caseWallMs: 30_000,
  jobWallMs: 15 * 60_000,
  threadMemoryMb: 512,
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
  /** Cases run at once; the result does not depend on it. Default 4. */
  caseConcurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /** Refuse real models without a known price (graded submissions: their cost counts). */
  requireKnownPrices?: boolean;
}

export interface GradeChallengeIsolatedOptions extends IsolatedGrading, IsolationLimits {}

/**
 * gradeChallenge in a worker thread the caller's process can stop: the same inputs (as data) and
 * the same outcome, to the last digit, for a pipeline that stays within its limits. Anything
 * synchronous that runs away (a scorer, a schema, a model call) cannot stall the caller's event
 * loop, the thread's memory (QuickJS heaps included) goes back when the grading ends, and:
 * - a case running alone past `caseWallMs`, or killing its thread alone (out of memory, a crash),
 *   ends as sandbox_limit with score 0; the other cases go on in a fresh thread;
 * - past `jobWallMs` every unfinished case ends as timeout with score 0.
 */
export async function gradeChallengeIsolated(
  options: GradeChallengeIsolatedOptions,
): Promise<GradeChallengeOutcome> {
  const grader = new IsolatedGrader(options);
  try {
    return await grader.grade(options);
  } finally {
    await grader.close();
  }
}

type Settle = (index: number, result: CaseResult) => void;

type PrepareEnd =
  | { kind: 'ready'; prepared: PreparedCases }
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
  | { kind: 'expired' };

/** How a batch of cases ended, and which of its cases were in flight or never started. */
type BatchEnd = BatchOutcome & { inFlight: number[]; notStarted: number[] };

/**
 * The gradings of one job (a submission grades its hidden cases, then its public ones) in one
 * thread at a time, under one job wall-clock cap. A thread is started when first needed, replaced
 * when it had to be stopped, and ended by close(): a new job gets a new thread, so memory that
 * WebAssembly never gives back is given back with the job.
 *
 * Cases run several at once, so when the thread has to be stopped the case at fault is not known:
 * the cases in flight are run again one at a time in a fresh thread, and only a case that
 * overruns (or kills the thread) alone is marked.
 */
export class IsolatedGrader {
  private readonly limits: Required<IsolationLimits>;
  private readonly deadline: number;
  private thread?: GradingThread;
  private busy = false;

  constructor(limits: IsolationLimits = {}) {
    this.limits = {
      caseWallMs: limits.caseWallMs ?? DEFAULT_ISOLATION_LIMITS.caseWallMs,
      jobWallMs: limits.jobWallMs ?? DEFAULT_ISOLATION_LIMITS.jobWallMs,
      threadMemoryMb: limits.threadMemoryMb ?? DEFAULT_ISOLATION_LIMITS.threadMemoryMb,
    };
    for (const [name, value] of Object.entries(this.limits))
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`${name} must be a whole number ≥ 1, not ${value}`);
    this.deadline = Date.now() + this.limits.jobWallMs;
  }

  /** One grading at a time: the gradings of a job share its thread. */
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
    };
    const end = await this.prepare(this.startedThread(), job);
    if (end.kind === 'invalid') return { ok: false, issues: end.issues };
    if (end.kind !== 'ready') return this.preparationFailed(end);
    const { pipeline, cases } = end.prepared;
    const results = await this.runCases({ ...job, prepared: end.prepared }, grading);
    return { ok: true, pipeline, cases, result: summarize(results) };
  }

  /** Ends the thread; the grader can still grade after, in a new one. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.terminate();
  }

  private startedThread(): GradingThread {
    this.thread ??= new GradingThread(this.limits.threadMemoryMb);
    return this.thread;
  }

  /** Stops the thread without waiting: a thread stuck in synchronous work stops when V8 gets to it. */
  private dropThread(): void {
    const thread = this.thread;
    this.thread = undefined;
    thread?.terminate().catch(() => undefined);
  }

  private async preparationFailed(end: Exclude<PrepareEnd, { kind: 'ready' | 'invalid' }>) {
    this.dropThread();
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
          else if (message.type === 'ready')
            finish({ kind: 'ready', prepared: { pipeline: message.pipeline, cases: message.cases } });
          else if (message.type === 'failed') finish({ kind: 'failed', error: message.error });
        },
        (reason) => finish({ kind: 'died', reason, phase }),
      );
      thread.send({ type: 'prepare', job });
    });
  }

  private async runCases(job: ThreadJob & { prepared: PreparedCases }, grading: IsolatedGrading) {
    const { cases } = job.prepared;
    const results: CaseResult[] = new Array(cases.length);
    let done = 0;
    const settle: Settle = (index, result) => {
      results[index] = result;
      grading.onProgress?.(++done, cases.length);
    };
    const stop = (indices: number[], status: ErrorCode, reason: string) => {
      for (const index of indices) settle(index, stoppedCase(cases[index]!.id, status, reason));
    };
    const concurrency = Math.max(1, grading.caseConcurrency ?? 4);
    let pending = cases.map((_, index) => index);
    const suspects: number[] = [];
    for (;;) {
      const alone = suspects.length > 0;
      const indices = alone ? suspects.splice(0, 1) : pending.splice(0);
      if (indices.length === 0) break;
      const end = await this.runBatch(job, indices, alone ? 1 : concurrency, settle);
      if (end.kind === 'ran') continue;
      this.dropThread();
      if (end.kind === 'expired') {
        const unfinished = [...end.inFlight, ...end.notStarted, ...suspects, ...pending].sort(
          (a, b) => a - b,
        );
        stop(unfinished, 'timeout', this.jobWallReason());
        break;
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
      suspects.push(...end.inFlight);
      pending = end.notStarted;
    }
    return results;
  }

  /** Runs cases in the current thread (a fresh one, handed the prepared cases, if it was stopped). */
  private async runBatch(
    job: ThreadJob & { prepared: PreparedCases },
    indices: number[],
    concurrency: number,
    settle: Settle,
  ): Promise<BatchEnd> {
    const untouched = { inFlight: [], notStarted: indices };
    if (Date.now() >= this.deadline) return { kind: 'expired', ...untouched };
    if (!this.thread) {
      const end = await this.prepare(this.startedThread(), job);
      if (end.kind === 'expired') return { kind: 'expired', ...untouched };
      if (end.kind !== 'ready') {
        this.dropThread();
        if (end.kind === 'failed') throw fromThreadError(end.error);
        throw new Error(`A fresh grading thread could not take the cases over (${end.kind}).`);
      }
    }
    const thread = this.thread!;
    return new Promise((resolve) => {
      const inFlight = new Map<number, NodeJS.Timeout>();
      const finished = new Set<number>();
      let ended = false;
      const end = (outcome: BatchOutcome) => {
        if (ended) return;
        ended = true;
        clearTimeout(jobTimer);
        for (const timer of inFlight.values()) clearTimeout(timer);
        thread.listen();
        resolve({
          ...outcome,
          inFlight: [...inFlight.keys()].sort((a, b) => a - b),
          notStarted: indices.filter((i) => !inFlight.has(i) && !finished.has(i)),
        });
      };
      const jobTimer = setTimeout(() => end({ kind: 'expired' }), Math.max(0, this.deadline - Date.now()));
      thread.listen(
        (message) => {
          if (message.type === 'start') {
            const timer = setTimeout(() => end({ kind: 'overran' }), this.limits.caseWallMs);
            inFlight.set(message.index, timer);
          } else if (message.type === 'done') {
            clearTimeout(inFlight.get(message.index));
            inFlight.delete(message.index);
            finished.add(message.index);
            settle(message.index, message.result);
          } else if (message.type === 'ran') end({ kind: 'ran' });
          else if (message.type === 'failed') end({ kind: 'failed', error: message.error });
        },
        (reason) => end({ kind: 'died', reason }),
      );
      thread.send({ type: 'run', indices, concurrency });
    });
  }

  private jobWallReason(): string {
    return `the grading ran past its ${duration(this.limits.jobWallMs)} wall-clock cap before this case finished`;
  }
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
