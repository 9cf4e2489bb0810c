import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Challenge, RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { GradingQueue } from '../grading/grading-queue.js';
import { PipelineChecker } from '../models/pipeline-checker.js';
import { SubmissionStore } from '../submissions/submission-store.js';
import { assertOwnsChallenge } from './challenge-access.js';

/** A learner's displayed best on an earlier version, as rejudging reads it. */
interface BestRow {
  id: string;
  user_id: string;
  pipeline: string;
  pipeline_hash: string;
  skills: Record<string, string>;
}

@Injectable()
export class RejudgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: GradingQueue,
    private readonly checker: PipelineChecker,
    private readonly submissions: SubmissionStore,
  ) {}

  /**
   * Re-grades every learner's displayed best from earlier versions on the current one, as new
   * submissions (`rejudge_of` the original; they do not count against daily caps).
   */
  async rejudge(user: AuthUser, slug: string): Promise<{ version: number; queued: number }> {
    await assertOwnsChallenge(this.dataSource, user, slug);
    const [current] = await this.dataSource.query(
      `SELECT v.id, v.version, v.manifest FROM challenges c JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version WHERE c.slug = $1`,
      [slug],
    );
    if (!current) throw new RepsError('not_found', `${slug} has no published version to rejudge on.`);
    const bests: BestRow[] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.pipeline, s.pipeline_hash, s.skills FROM leaderboard_entries l
         JOIN submissions s ON s.id = l.submission_id
         JOIN challenge_versions v ON v.id = l.challenge_version_id
        WHERE v.slug = $1 AND v.version < $2 AND l.period = 'all'
          AND NOT EXISTS (SELECT 1 FROM submissions r WHERE r.rejudge_of = s.id AND r.challenge_version_id = $3)`,
      [slug, current.version, current.id],
    );
    const { cases } = current.manifest as Challenge;
    let queued = 0;
    for (const best of bests) {
      const parsed = await this.checker.check(current.manifest, best.pipeline, { skills: best.skills });
      // A pipeline the current version refuses is recorded as failed, not queued.
      const failure = parsed.ok
        ? null
        : { code: 'invalid_pipeline', message: parsed.issues.map((i) => i.message).join('; ') };
      const row = await this.submissions.insert({
        userId: best.user_id,
        challengeVersionId: current.id,
        slug,
        version: current.version,
        pipeline: best.pipeline,
        pipelineHash: best.pipeline_hash,
        casesTotal: cases.hidden + cases.public,
        rejudgeOf: best.id,
        skills: best.skills,
        status: failure ? 'failed' : 'queued',
        error: failure,
        gradedAt: failure ? new Date() : null,
      });
      if (parsed.ok) {
        await this.queue.enqueueSubmission(row.id);
        queued++;
      }
    }
    return { version: current.version, queued };
  }
}
