import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type GatewaySpec,
  type GradeChallengeOutcome,
  gradeChallengeIsolated,
  gradingThreadPool,
  IsolatedGrader,
  type IsolationLimits,
  type LoadedChallenge,
} from '@reps/engine';
import { type Config, FINAL_SUBMISSION_STATUSES } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { CONFIG } from '../config/config.module.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { ModelKeysService } from '../model-keys/model-keys.service.js';
import { serverGatewaySpec } from '../models/server-gateway.js';
import { ReadCache } from '../redis/read-cache.js';
import { RunStore } from '../runs/run-store.js';
import type { Submission } from '../submissions/submission.entity.js';
import { SubmissionStore } from '../submissions/submission-store.js';
import { isolationLimits } from './isolation-limits.js';
import { ProgressEvents } from './progress-events.js';
import { ProgressSteps } from './progress-steps.js';
import { hiddenSummary, publicResult } from './result-views.js';
import { reviewHold } from './review-hold.js';

/** What a learner reads when the platform, not their pipeline, failed every attempt. */
export const GRADING_GAVE_UP =
  'Grading failed on our side after several attempts; it has been logged. Please submit again.';

/**
 * The worker's side of grading: practice runs and submissions, each graded by the engine in
 * threads of its own (gradeChallengeIsolated) under the configured wall-clock and memory caps, so a
 * runaway grading cannot stall this process or keep its memory.
 */
@Injectable()
export class GradingService implements OnApplicationShutdown {
  private readonly logger = new Logger('Grading');
  /** Hidden cases, and all of a submission's grading, use the server's providers only. */
  private readonly serverGateway: GatewaySpec;
  /** Gradings (practice runs and submissions) this worker is running now; see withLimits. */
  private running = 0;

  constructor(
    private readonly submissions: SubmissionStore,
    private readonly runs: RunStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    private readonly standings: StandingsService,
    private readonly events: ProgressEvents,
    @Inject(CONFIG) private readonly config: Config,
    private readonly modelKeys: ModelKeysService,
    private readonly readCache: ReadCache,
  ) {
    this.serverGateway = serverGatewaySpec(config);
  }

  /** Ends the grading threads kept idle between jobs (see the engine's thread-pool.ts). */
  async onApplicationShutdown(): Promise<void> {
    await gradingThreadPool.close();
  }

  /**
   * Runs a grading with the isolation limits of one that starts now: its threads are the cores
   * the worker's other gradings leave (isolation-limits.ts), counted for as long as it runs.
   */
  private async withLimits<T>(grade: (limits: IsolationLimits) => Promise<T>): Promise<T> {
    const limits = isolationLimits(this.config, this.running);
    this.running++;
    try {
      return await grade(limits);
    } finally {
      this.running--;
    }
  }

  async practice(runId: string): Promise<void> {
    const run = await this.runs.byId(runId);
    if (!run || run.status === 'done' || run.status === 'failed') return;
    await this.runs.markRunning(run.id);
    const challenge = await this.store.load(run.challengeVersionId);
    const gateway = (await this.modelKeys.practiceGatewayFor(run.userId)) ?? this.serverGateway;
    const outcome = await this.withLimits((limits) =>
      gradeChallengeIsolated({
        ...limits,
        challenge,
        pipelineSource: run.pipeline,
        skills: run.skills,
        kind: 'public',
        // Public cases only: the learner's own provider keys may serve them.
        gateway,
        caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
      }),
    );
    if (!outcome.ok) {
      await this.runs.finish(run.id, {
        status: 'failed',
        error: { code: 'invalid_pipeline', message: 'The pipeline is not valid.', issues: outcome.issues },
      });
      return;
    }
    await this.runs.finish(run.id, {
      status: 'done',
      result: publicResult(outcome.result, outcome.cases) as object,
    });
  }

  async gradeSubmission(id: string): Promise<void> {
    const submission = await this.submissions.byId(id);
    if (!submission || FINAL_SUBMISSION_STATUSES.includes(submission.status)) return; // already done: a re-delivered job
    const challenge = await this.store.load(submission.challengeVersionId);
    const { hidden: hiddenCount, public: publicCount } = challenge.manifest.cases;
    const total = hiddenCount + publicCount;
    await this.submissions.markRunning(id, submission.attempts + 1, total);
    await this.events.publish({ id, status: 'running', cases_done: 0, cases_total: total });
    // Coarse in count and time (tenths of the hidden set, at most one a second): no hidden case's
    // timing shows in the events or in cases_done.
    const progress = new ProgressSteps(hiddenCount, (done) => this.reportProgress(id, done, total));
    const { hidden, shown } = await this.withLimits((limits) =>
      this.gradeCases(submission, challenge, limits, (done) => progress.update(done)),
    ).finally(() => progress.stop());
    if (!hidden.ok) {
      await this.finish(id, 'failed', {
        code: 'invalid_pipeline',
        message: hidden.issues.map((i) => i.message).join('; '),
      });
      return;
    }
    if (!shown?.ok) throw new Error('the pipeline parsed for hidden cases but not for public ones');
    const summary = hiddenSummary(hidden.result);
    const hold = reviewHold(hidden.result);
    const gradedAt = new Date();
    await this.dataSource.transaction(async (tx) => {
      const graded = await this.submissions.recordGraded(tx, id, {
        casesDone: total,
        correctness: summary.correctness,
        standardError: summary.standard_error,
        costUsd: summary.cost_usd,
        latencyP50Ms: summary.latency_ms.p50,
        latencyP95Ms: summary.latency_ms.p95,
        calls: summary.calls,
        tokensIn: summary.tokens.input,
        tokensOut: summary.tokens.output,
        result: { hidden: summary, public: publicResult(shown.result, shown.cases) } as object,
        verificationId: randomBytes(9).toString('base64url'),
        gradedAt,
        ...hold,
      });
      if (!graded) return; // another delivery finished first: record nothing twice
      // Held for review: ranked only once an instructor accepts it (instructor/grading-reviews).
      if (hold.reviewStatus === 'pending') return;
      await this.standings.record(tx, graded);
    });
    // After the commit, so no process caches the board as it was.
    await this.readCache.changed('standings');
    await this.events.publish({ id, status: 'graded', cases_done: total, cases_total: total });
    this.logger.log({
      event: 'submission_graded',
      submissionId: id,
      correctness: summary.correctness,
      ...(hold.reviewStatus ? { heldForReview: true, graderErrors: hidden.result.grader_errors } : {}),
    });
  }

  /**
   * A submission's hidden cases, then its public ones, in the same grading threads under one job cap.
   * Hidden cases never leave the server: they run on the server's providers (or the simulated
   * models), never on a learner's own keys, and only with models whose price is known, since cost
   * counts in the result.
   */
  private async gradeCases(
    submission: Submission,
    challenge: LoadedChallenge,
    limits: IsolationLimits,
    progress: (done: number) => void,
  ): Promise<{ hidden: GradeChallengeOutcome; shown?: GradeChallengeOutcome }> {
    const common = {
      challenge,
      pipelineSource: submission.pipeline,
      skills: submission.skills,
      gateway: this.serverGateway,
      caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
      requireKnownPrices: true,
    };
    const grader = new IsolatedGrader(limits);
    try {
      const hidden = await grader.grade({
        ...common,
        kind: 'hidden',
        secret: this.config.REPS_HIDDEN_SEED,
        // Only the summary is kept of hidden cases: their steps need not leave the grading threads.
        traces: false,
        onProgress: (done) => progress(done),
      });
      if (!hidden.ok) return { hidden };
      const hiddenCount = hidden.cases.length;
      const shown = await grader.grade({
        ...common,
        kind: 'public',
        onProgress: (done) => progress(hiddenCount + done),
      });
      return { hidden, shown };
    } finally {
      await grader.close();
    }
  }

  /** Marks a submission final with an error a learner can read (never the raw platform error). */
  async finish(
    id: string,
    status: 'failed' | 'error',
    error: NonNullable<Submission['error']>,
  ): Promise<void> {
    const row = await this.submissions.finish(id, status, error);
    if (!row) return;
    await this.events.publish({ id, status, cases_done: row.casesDone, cases_total: row.casesTotal });
  }

  /** One coarse progress step (ProgressSteps): the event and the stored count say the same. */
  private reportProgress(id: string, done: number, total: number): void {
    void this.events.publish({ id, status: 'running', cases_done: done, cases_total: total });
    this.submissions.recordProgress(id, done).catch((error) => {
      this.logger.warn({
        event: 'progress_write_failed',
        submissionId: id,
        error: (error as Error).message,
      });
    });
  }
}
