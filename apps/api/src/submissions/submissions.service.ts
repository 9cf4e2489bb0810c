import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  type Challenge,
  coarse,
  coarseHidden,
  RepsError,
  type SubmissionResult,
  type SubmissionReview,
  type SubmissionView,
  submissionEventType,
} from '@reps/shared';
import { Observable } from 'rxjs';
import { type DataSource, type EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ChallengeStore } from '../challenges/challenge-store.js';
import { supervisedLearnersSql } from '../cohorts/supervised-learners.js';
import { GradingQueue } from '../grading/grading-queue.js';
import { ProgressEvents, type SubmissionEvent } from '../grading/progress-events.js';
import { ENTRY_RANK_SQL } from '../leaderboards/ranks.js';
import { PipelineChecker } from '../models/pipeline-checker.js';
import { SkillsService } from '../skills/skills.service.js';
import { rankedAfterOpening } from '../solutions/opened.js';
import { submissionsToday } from './daily-cap.js';
import { Submission } from './submission.entity.js';
import { SubmissionCounts } from './submission-counts.js';
import { SubmissionStore } from './submission-store.js';

/** Manifests kept per process, by version id; beyond it the oldest go first. */
const MANIFEST_ENTRIES = 200;

/** What a submission goes to: the published version of a slug and its manifest. */
interface Target {
  id: string;
  version: number;
  manifest: Challenge;
}

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger('Submissions');
  /**
   * A published version's manifest never changes, so it is read once per process: a submit then
   * reads only which version is published, not the whole row with its public cases.
   */
  private readonly manifests = new Map<string, Challenge>();

  constructor(
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: ChallengeStore,
    private readonly store: SubmissionStore,
    private readonly queue: GradingQueue,
    private readonly events: ProgressEvents,
    private readonly checker: PipelineChecker,
    private readonly skillsService: SkillsService,
    private readonly counts: SubmissionCounts,
  ) {}

  /**
   * Stores the pipeline verbatim and queues it. The row is written before the job: if Redis is
   * down the submission still exists as `queued` and the reconciler enqueues it later. Under load
   * every await waits its turn behind many requests, so independent reads go out together and the
   * answer does not wait for the queue.
   */
  async submit(user: AuthUser, slug: string, pipeline: string): Promise<{ id: string; status: 'queued' }> {
    const [version, today, skills] = await Promise.all([
      this.target(slug),
      submissionsToday(this.dataSource, user.id, slug),
      this.skillsService.snapshot(user.id),
    ]);
    const cap = version.manifest.submissions_per_day;
    // Refused before the pipeline is parsed (the expensive part); checked again under a lock below.
    if (today >= cap) throw capReached(slug, cap);
    // Cost counts in a graded result: a model without a known price is refused now, not at grading.
    const parsed = await this.checker.check(version.manifest, pipeline, {
      skills,
      requireKnownPrices: true,
      owner: user.id,
    });
    if (!parsed.ok) throw new RepsError('invalid_pipeline', undefined, parsed.issues);
    const { cases } = version.manifest;
    // Count and insert under one lock per (learner, challenge): parallel submissions queue here,
    // so the cap holds exactly however many arrive at once.
    const row = await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `daily-cap:${user.id}:${slug}`,
      ]);
      await this.assertUnderDailyCap(tx, user.id, slug, cap);
      return this.store.insert(
        {
          userId: user.id,
          challengeVersionId: version.id,
          slug,
          version: version.version,
          pipeline,
          pipelineHash: createHash('sha256').update(pipeline).digest('hex'),
          skills,
          casesTotal: cases.hidden + cases.public,
        },
        tx,
      );
    });
    // The challenge page's count of today's submissions, in every API process.
    const counted = this.counts.counted(user.id, slug);
    // Not awaited: the row is committed, and a job that fails to go on the queue is put there by
    // the reconciler (grading/reconciler.ts), so the learner need not wait for Redis.
    void this.queue.enqueueSubmission(row.id).catch((error) => {
      this.logger.warn({ event: 'enqueue_failed', submissionId: row.id, error: (error as Error).message });
    });
    await counted;
    return { id: row.id, status: 'queued' };
  }

  /** The published version of `slug` (asked every time: a publication counts at once) and its manifest. */
  private async target(slug: string): Promise<Target> {
    const [row]: { id: string; version: number }[] = await this.dataSource.query(
      `SELECT v.id, v.version FROM challenges c
         JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version
        WHERE c.slug = $1 AND v.status = 'published'`,
      [slug],
    );
    if (!row) return this.challenges.version(slug); // its 404, worded as everywhere else
    let manifest = this.manifests.get(row.id);
    if (!manifest) {
      manifest = (await this.challenges.byId(row.id)).manifest;
      this.manifests.set(row.id, manifest);
      if (this.manifests.size > MANIFEST_ENTRIES)
        this.manifests.delete(this.manifests.keys().next().value as string);
    }
    return { id: row.id, version: row.version, manifest };
  }

  private async assertUnderDailyCap(
    db: EntityManager,
    userId: string,
    slug: string,
    cap: number,
  ): Promise<void> {
    if ((await submissionsToday(db, userId, slug)) >= cap) throw capReached(slug, cap);
  }

  /**
   * The author sees a submission, an instructor when its author is in a cohort they run, an admin
   * always; for anyone else it does not exist.
   */
  async visible(id: string, user: AuthUser): Promise<Submission> {
    const row = await this.submissions.findOne({ where: { id } });
    if (row && (row.userId === user.id || user.role === 'admin')) return row;
    if (row && user.role === 'instructor' && (await this.inCohortRunBy(user.id, row.userId))) return row;
    throw new RepsError('not_found', 'No such submission.');
  }

  private async inCohortRunBy(instructorId: string, learnerId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT $2::uuid IN (${supervisedLearnersSql('$1')}) AS supervised`,
      [instructorId, learnerId],
    );
    return row.supervised === true;
  }

  async view(id: string, user: AuthUser): Promise<SubmissionView> {
    const row = await this.visible(id, user);
    return this.toView(row, row.userId === user.id);
  }

  async mine(userId: string, slug?: string): Promise<SubmissionView[]> {
    const rows = await this.submissions.find({
      where: slug ? { userId, slug } : { userId },
      order: { createdAt: 'DESC' },
      take: 100,
    });
    return Promise.all(rows.map((row) => this.toView(row, true, false)));
  }

  /** Server-sent events: the stored state first, then every change until a final status. */
  events$(id: string, user: AuthUser): Observable<{ data: SubmissionEvent; type: string }> {
    return new Observable((subscriber) => {
      let stop: (() => void) | undefined;
      let closed = false;
      const emit = (event: SubmissionEvent) => {
        const type = submissionEventType(event.status);
        subscriber.next({ type, data: event });
        if (type === 'final') subscriber.complete();
      };
      (async () => {
        const row = await this.visible(id, user);
        stop = await this.events.subscribe(id, emit);
        if (closed) return stop();
        // Read again after subscribing, so a change between the first read and the subscription is not missed.
        const fresh = (await this.submissions.findOne({ where: { id } })) ?? row;
        emit({ id, status: fresh.status, cases_done: fresh.casesDone, cases_total: fresh.casesTotal });
      })().catch((error) => subscriber.error(error));
      return () => {
        closed = true;
        stop?.();
      };
    });
  }

  /**
   * The hidden-set figures go out through `coarseHidden`/`coarse` to everyone who can read a
   * submission, its author, an instructor of their cohort and an admin alike: exact figures stay in
   * the database, for ranking and the instructor's screens (docs/grading.md). Public cases are
   * public data and go out exact.
   */
  async toView(row: Submission, isAuthor: boolean, withResult = true): Promise<SubmissionView> {
    const stored = row.result as SubmissionResult | null;
    const hidden = stored?.hidden ? coarseHidden(stored.hidden) : null;
    return {
      id: row.id,
      slug: row.slug,
      version: row.version,
      status: row.status,
      cases_done: row.casesDone,
      cases_total: row.casesTotal,
      pipeline_hash: row.pipelineHash,
      pipeline: isAuthor ? row.pipeline : undefined,
      correctness: coarse('correctness', row.correctness),
      standard_error: coarse('standard_error', row.standardError),
      cost_usd: coarse('cost_usd', row.costUsd),
      latency_ms: {
        p50: coarse('latency_ms', row.latencyP50Ms),
        p95: coarse('latency_ms', row.latencyP95Ms),
      },
      calls_per_case: hidden?.calls_per_case ?? null,
      tokens_per_case: {
        input: hidden?.tokens_per_case.input ?? null,
        output: hidden?.tokens_per_case.output ?? null,
      },
      result: withResult ? (stored && hidden ? { hidden, public: stored.public } : null) : undefined,
      error: row.error,
      verification_id: row.verificationId,
      leaderboard: row.status === 'graded' ? await this.position(row) : null,
      review: reviewOf(row),
      created_at: row.createdAt.toISOString(),
      graded_at: row.gradedAt?.toISOString() ?? null,
    };
  }

  /**
   * The learner's place on the all-time board, whether this submission is the one displayed, and if
   * not why: the Ladder rule's comparison, or that it was sent after they opened the solutions.
   */
  private async position(row: Submission): Promise<SubmissionView['leaderboard']> {
    const [entry] = await this.dataSource.query(
      `SELECT l.submission_id, l.correctness, l.standard_error, l.cost_usd, l.latency_p95_ms, ${ENTRY_RANK_SQL} AS rank,
              (SELECT count(*) FROM leaderboard_entries t WHERE t.challenge_version_id = l.challenge_version_id AND t.period = l.period) AS total
         FROM leaderboard_entries l
        WHERE l.challenge_version_id = $1 AND l.period = 'all' AND l.user_id = $2`,
      [row.challengeVersionId, row.userId],
    );
    if (!entry) return null;
    const place = { rank: Number(entry.rank), of: Number(entry.total) };
    if (entry.submission_id === row.id) return { ...place, displayed: true };
    const best = {
      correctness: Number(entry.correctness),
      standard_error: Number(entry.standard_error),
      cost_usd: Number(entry.cost_usd),
      latency_p95_ms: Number(entry.latency_p95_ms),
    };
    const bestCorrectness = coarse('correctness', best.correctness);
    // Sent after the learner opened this version's solutions: not ranked, whatever it scored.
    if (!(await rankedAfterOpening(this.dataSource, row.id)))
      return { ...place, displayed: false, stays: 'solutions_opened', best_correctness: bestCorrectness };
    const mine = row.correctness ?? 0;
    const stays =
      mine < best.correctness
        ? 'lower'
        : mine > best.correctness && mine - best.correctness <= best.standard_error
          ? 'within_error'
          : 'not_ahead';
    return { ...place, displayed: false, stays, best_correctness: bestCorrectness };
  }
}

/** The review state a learner sees: counts and dates, never the held cases' reasons. */
function reviewOf(row: Submission): SubmissionReview | null {
  if (!row.reviewStatus) return null;
  const hidden = (row.result as SubmissionResult | null)?.hidden;
  const cases = hidden?.cases ?? 0;
  const graderErrors = hidden?.grader_errors ?? hidden?.statuses.grader_error ?? 0;
  return {
    status: row.reviewStatus,
    grader_errors: graderErrors,
    grader_error_rate: hidden?.grader_error_rate ?? (cases ? graderErrors / cases : 0),
    reviewed_at: row.reviewedAt?.toISOString() ?? null,
  };
}

/** 429 past the challenge's submissions_per_day, saying when it resets. */
function capReached(slug: string, cap: number): RepsError {
  const now = new Date();
  const reset = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const minutes = Math.ceil((reset - now.getTime()) / 60_000);
  return new RepsError(
    'too_many_requests',
    `You have used today's ${cap} submissions on ${slug}; more at 00:00 UTC (in ${Math.floor(minutes / 60)} h ${minutes % 60} min). Practice runs on the public cases are not limited this way.`,
  );
}
