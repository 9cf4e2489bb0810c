import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { gradeChallenge, type ModelGateway, skillLibrary } from '@reps/engine';
import type { Config } from '@reps/shared';
import { type DataSource, In, Repository } from 'typeorm';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { CONFIG } from '../config/config.module.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { ModelKeysService } from '../model-keys/model-keys.service.js';
import { MODEL_GATEWAY } from '../models/models.module.js';
import { Run } from '../runs/run.entity.js';
import { FINAL_STATUSES, Submission } from '../submissions/submission.entity.js';
import { ProgressEvents } from './progress-events.js';
import { hiddenSummary, publicResult } from './result-views.js';
import { yieldingGateway } from './yielding-gateway.js';

const PROGRESS_WRITE_MS = 500;

/** What a learner reads when the platform, not their pipeline, failed every attempt. */
export const GRADING_GAVE_UP =
  'Grading failed on our side after several attempts; it has been logged. Please submit again.';

/** The worker's side of grading: practice runs and submissions, with the engine's gradeChallenge. */
@Injectable()
export class GradingService {
  private readonly logger = new Logger('Grading');

  constructor(
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectRepository(Run) private readonly runs: Repository<Run>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    private readonly standings: StandingsService,
    private readonly events: ProgressEvents,
    @Inject(MODEL_GATEWAY) private readonly gateway: ModelGateway,
    @Inject(CONFIG) private readonly config: Config,
    private readonly modelKeys: ModelKeysService,
  ) {}

  async practice(runId: string): Promise<void> {
    const run = await this.runs.findOne({ where: { id: runId } });
    if (!run || run.status === 'done' || run.status === 'failed') return;
    await this.runs.update(run.id, { status: 'running' });
    const challenge = await this.store.load(run.challengeVersionId);
    const outcome = await gradeChallenge({
      challenge,
      pipelineSource: run.pipeline,
      skills: skillLibrary(run.skills),
      kind: 'public',
      gateway: yieldingGateway((await this.modelKeys.gatewayFor(run.userId)) ?? this.gateway),
      caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
    });
    if (!outcome.ok) {
      await this.runs.update(run.id, {
        status: 'failed',
        error: { code: 'invalid_pipeline', message: 'The pipeline is not valid.', issues: outcome.issues },
        finishedAt: new Date(),
      });
      return;
    }
    await this.runs.update(run.id, {
      status: 'done',
      result: publicResult(outcome.result, outcome.cases) as object,
      finishedAt: new Date(),
    });
  }

  async gradeSubmission(id: string): Promise<void> {
    const submission = await this.submissions.findOne({ where: { id } });
    if (!submission || FINAL_STATUSES.includes(submission.status)) return; // already done: a re-delivered job
    const challenge = await this.store.load(submission.challengeVersionId);
    const { hidden: hiddenCount, public: publicCount } = challenge.manifest.cases;
    const total = hiddenCount + publicCount;
    await this.submissions.update(
      { id, status: In(['queued', 'running']) },
      {
        status: 'running',
        startedAt: new Date(),
        attempts: submission.attempts + 1,
        casesDone: 0,
        casesTotal: total,
      },
    );
    await this.events.publish({ id, status: 'running', cases_done: 0, cases_total: total });
    const progress = this.progressReporter(id, total);
    // The learner's own provider keys, when they saved any; the server's otherwise.
    const gateway = yieldingGateway((await this.modelKeys.gatewayFor(submission.userId)) ?? this.gateway);
    const common = {
      challenge,
      pipelineSource: submission.pipeline,
      skills: skillLibrary(submission.skills),
      gateway,
      caseConcurrency: this.config.REPS_CASE_CONCURRENCY,
    };
    const hidden = await gradeChallenge({
      ...common,
      kind: 'hidden',
      secret: this.config.REPS_HIDDEN_SEED,
      onProgress: (done) => progress(done),
    });
    if (!hidden.ok) {
      await this.finish(id, 'failed', {
        error: { code: 'invalid_pipeline', message: hidden.issues.map((i) => i.message).join('; ') },
      });
      return;
    }
    const shown = await gradeChallenge({
      ...common,
      kind: 'public',
      onProgress: (done) => progress(hiddenCount + done),
    });
    if (!shown.ok) throw new Error('the pipeline parsed for hidden cases but not for public ones');
    const summary = hiddenSummary(hidden.result);
    const gradedAt = new Date();
    await this.dataSource.transaction(async (tx) => {
      const result = await tx.update(
        Submission,
        { id, status: 'running' },
        {
          status: 'graded',
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
        },
      );
      if (!result.affected) return; // another delivery finished first: record nothing twice
      const graded = await tx.findOneOrFail(Submission, { where: { id } });
      await this.standings.record(tx, graded);
    });
    await this.events.publish({ id, status: 'graded', cases_done: total, cases_total: total });
    this.logger.log({ event: 'submission_graded', submissionId: id, correctness: summary.correctness });
  }

  /** Marks a submission final with an error a learner can read (never the raw platform error). */
  async finish(id: string, status: 'failed' | 'error', fields: Pick<Submission, 'error'>): Promise<void> {
    const result = await this.submissions.update(
      { id, status: In(['queued', 'running']) },
      { status, ...fields, gradedAt: new Date() },
    );
    if (!result.affected) return;
    const row = await this.submissions.findOneOrFail({ where: { id } });
    await this.events.publish({ id, status, cases_done: row.casesDone, cases_total: row.casesTotal });
  }

  private progressReporter(id: string, total: number): (done: number) => void {
    let lastWrite = 0;
    return (done) => {
      void this.events.publish({ id, status: 'running', cases_done: done, cases_total: total });
      const now = Date.now();
      if (now - lastWrite < PROGRESS_WRITE_MS && done < total) return;
      lastWrite = now;
      this.submissions.update({ id, status: 'running' }, { casesDone: done }).catch((error) => {
        this.logger.warn({
          event: 'progress_write_failed',
          submissionId: id,
          error: (error as Error).message,
        });
      });
    };
  }
}
