import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calibrationRoleOf } from '@reps/engine';
import {
  type Calibration,
  type ChallengeRef,
  coarse,
  nextChallenge,
  type ReferenceSolution,
  RepsError,
  type SharedSolution,
  type SolutionFigures,
  type SolutionsView,
  type StartHereView,
  startHere,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ACCEPTED_SQL, accepted, passedChallenges, passedSlugs } from '../progress/passed.js';
import { rankedAfterOpening } from './opened.js';
import { paretoLayers } from './pareto.js';

interface VersionRow {
  id: string;
  slug: string;
  version: number;
  pass_mark: number;
  reference_pipeline: string | null;
  extra_references: Record<string, string>;
  calibration: Calibration | null;
}

interface OwnRow {
  id: string;
  status: string;
  review_status: string | null;
  correctness: number | null;
  cost_usd: number | null;
  latency_p95_ms: number | null;
  graded_at: Date | null;
}

interface ShareRow extends OwnRow {
  user_id: string;
  handle: string;
  display_name: string;
  shared_at: Date;
}

/**
 * Shared solutions ranked per request, the best by correctness, cost and latency (a version gathers
 * at most one per learner; past this many the rest could not reach the listed part of the ranking).
 */
const MAX_RANKED = 2000;
/** Shared solutions listed with their pipelines: the top of the ranking, and the reader's own. */
const MAX_LISTED = 50;
/** The learner's own passing submissions offered for sharing, newest first. */
const MAX_SHAREABLE = 20;

/** Learner-visible figures of a hidden-set grading (docs/grading.md). */
function figuresOf(row: Pick<OwnRow, 'correctness' | 'cost_usd' | 'latency_p95_ms'>): SolutionFigures {
  return {
    correctness: coarse('correctness', Number(row.correctness)),
    cost_usd: coarse('cost_usd', Number(row.cost_usd ?? 0)),
    latency_p95_ms: coarse('latency_ms', Number(row.latency_p95_ms ?? 0)),
  };
}

/**
 * After solving: the challenge's references and the passing pipelines learners chose to share,
 * only for a learner who passed (`passedSlugs`) and opened them (which freezes their place on the
 * version's boards: `opened.ts`), and the next challenge to try. Hidden cases never
 * appear: a solution carries its pipeline and the rounded hidden-set figures, nothing per case.
 */
@Injectable()
export class SolutionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * For a learner who passed: what the solutions hold (counts, the next challenge, what they may
   * share), and the pipelines only once they opened them (`open`). Admins, and an instructor on a
   * challenge they wrote, may open them without passing; opening freezes their place like anyone's
   * (solutions/opened.ts). Any other instructor is a learner here: another author's references are
   * not theirs to read before passing.
   */
  view(user: Pick<AuthUser, 'id' | 'role'>, slug: string): Promise<SolutionsView> {
    return this.build(user, slug, false);
  }

  /**
   * Opens the solutions for a learner who passed: the first time is recorded, and from then on their
   * submissions on this version are graded but not ranked (solutions/opened.ts). Idempotent.
   */
  open(user: Pick<AuthUser, 'id' | 'role'>, slug: string): Promise<SolutionsView> {
    return this.build(user, slug, true);
  }

  private async build(
    user: Pick<AuthUser, 'id' | 'role'>,
    slug: string,
    open: boolean,
  ): Promise<SolutionsView> {
    const userId = user.id;
    const version = await this.currentVersion(slug);
    const own = await this.ownSubmissions(userId, version);
    const passing = own.filter((s) => this.passes(s, version));
    if (passing.length === 0 && !(await this.isStaffOn(user, slug))) {
      throw new RepsError(
        'not_passed',
        `Pass ${slug} first: its solutions open once one of your submissions on version ${version.version} reaches the pass mark (${version.pass_mark}).`,
      );
    }
    // Everyone reads the pipelines by opening them, staff too: whoever is on a board and has read
    // them is not ranked for what they send afterwards.
    const openedAt = await this.opening(version.id, userId, open);
    const [{ shared, total }, catalogue, passed] = await Promise.all([
      this.ranked(version, userId),
      this.catalogue(),
      passedChallenges(this.dataSource, userId),
    ]);
    const done = catalogue.find((c) => c.slug === slug);
    const refs = references(version);
    return {
      slug,
      version: version.version,
      counts: { references: refs.length, shared: total },
      opened_at: openedAt?.toISOString() ?? null,
      solutions: openedAt ? { references: refs, shared } : null,
      my_share: shared.find((s) => s.mine) ?? null,
      shareable: (await this.ownWork(passing)).map((s) => ({
        submission_id: s.id,
        figures: figuresOf(s),
        graded_at: (s.graded_at ?? new Date(0)).toISOString(),
      })),
      next: done ? (nextChallenge(done, catalogue, passed) ?? null) : null,
    };
  }

  /** When the learner first opened this version's solutions; `record` opens them now if not yet. */
  private async opening(versionId: string, userId: string, record: boolean): Promise<Date | null> {
    const [row]: { opened_at: Date }[] = record
      ? await this.dataSource.query(
          // The no-op update makes RETURNING give the first time when the row exists already.
          `INSERT INTO solution_openings (challenge_version_id, user_id) VALUES ($1, $2)
           ON CONFLICT (challenge_version_id, user_id) DO UPDATE SET opened_at = solution_openings.opened_at
           RETURNING opened_at`,
          [versionId, userId],
        )
      : await this.dataSource.query(
          'SELECT opened_at FROM solution_openings WHERE challenge_version_id = $1 AND user_id = $2',
          [versionId, userId],
        );
    return row?.opened_at ?? null;
  }

  /** Shows one of the learner's own passing submissions on the current version (replacing an earlier share). */
  async share(userId: string, slug: string, submissionId: string): Promise<SharedSolution> {
    const version = await this.currentVersion(slug);
    const [row]: (OwnRow & { user_id: string; challenge_version_id: string })[] = await this.dataSource.query(
      `SELECT id, user_id, challenge_version_id, status, review_status, correctness, cost_usd, latency_p95_ms, graded_at
         FROM submissions WHERE id = $1`,
      [submissionId],
    );
    if (!row || row.user_id !== userId) {
      throw new RepsError('not_found', 'No submission of yours has that id: you can share only your own.');
    }
    if (row.challenge_version_id !== version.id) {
      throw new RepsError(
        'validation_failed',
        `That submission is not on ${slug} version ${version.version}: share a passing submission on the current version.`,
      );
    }
    if (!this.passes(row, version)) {
      throw new RepsError(
        'not_passed',
        `That submission did not pass (the pass mark is ${version.pass_mark}, on a graded submission not held for review): share a passing one.`,
      );
    }
    if (!(await rankedAfterOpening(this.dataSource, submissionId))) {
      throw new RepsError(
        'forbidden',
        'That submission was sent after you opened the solutions: share one you wrote before reading them.',
      );
    }
    await this.dataSource.query(
      `INSERT INTO solution_shares (challenge_version_id, user_id, submission_id) VALUES ($1, $2, $3)
       ON CONFLICT (challenge_version_id, user_id) DO UPDATE SET submission_id = EXCLUDED.submission_id, shared_at = now()`,
      [version.id, userId, submissionId],
    );
    const mine = (await this.ranked(version, userId)).shared.find((s) => s.mine);
    // Withdrawn (or replaced by a share on a new version) between the write and this read.
    if (!mine)
      throw new RepsError('conflict', 'Your share was withdrawn while it was being made: share it again.');
    return mine;
  }

  /**
   * Takes the learner's shared solutions on this challenge down, on every version (consent given on
   * an earlier version is withdrawn too); not_found when none is shared.
   */
  async withdraw(userId: string, slug: string): Promise<void> {
    await this.currentVersion(slug);
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM solution_shares sh USING challenge_versions v
        WHERE sh.challenge_version_id = v.id AND v.slug = $1 AND sh.user_id = $2`,
      [slug, userId],
    );
    if (!deleted) throw new RepsError('not_found', `You have no shared solution on ${slug} to withdraw.`);
  }

  async startHere(): Promise<StartHereView> {
    return { challenge: startHere(await this.catalogue()) ?? null };
  }

  /**
   * The version's shared solutions that still pass (a grading may be held for review after it was
   * shared), ranked on the Pareto layers of the figures learners see: the top `MAX_LISTED` with
   * their pipelines, and the reader's own wherever it ranks; `total` counts them all.
   */
  private async ranked(
    version: VersionRow,
    userId: string,
  ): Promise<{ shared: SharedSolution[]; total: number }> {
    const [shares, total] = await this.shares(version, userId);
    const ranked = paretoLayers(shares.map((s) => ({ row: s, ...figuresOf(s) })));
    const listed = ranked.filter(({ item }, i) => i < MAX_LISTED || item.row.user_id === userId);
    const pipelines = await this.pipelinesOf(listed.map(({ item }) => item.row.id));
    const shared = listed.map(({ item, layer }): SharedSolution => {
      const { row, ...figures } = item;
      return {
        submission_id: row.id,
        handle: row.handle,
        display_name: row.display_name,
        figures,
        layer,
        pipeline: pipelines.get(row.id) ?? '',
        shared_at: row.shared_at.toISOString(),
        mine: row.user_id === userId,
      };
    });
    return { shared, total };
  }

  private async pipelinesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; pipeline: string }[] = await this.dataSource.query(
      'SELECT id, pipeline FROM submissions WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.pipeline]));
  }

  /** Admins, and instructors on a challenge they wrote a version of. */
  private async isStaffOn(user: Pick<AuthUser, 'id' | 'role'>, slug: string): Promise<boolean> {
    if (user.role === 'admin') return true;
    if (user.role !== 'instructor') return false;
    const [row] = await this.dataSource.query(
      'SELECT 1 FROM challenge_versions WHERE slug = $1 AND created_by = $2 LIMIT 1',
      [slug, user.id],
    );
    return Boolean(row);
  }

  /**
   * The passing submissions a learner may share, newest first: those sent before they opened the
   * solutions (what came after may be someone else's work). One check a submission, so only the
   * newest `MAX_SHAREABLE * 3` are looked at, however many passed.
   */
  private async ownWork(passing: OwnRow[]): Promise<OwnRow[]> {
    const out: OwnRow[] = [];
    for (const s of passing.slice(0, MAX_SHAREABLE * 3)) {
      if (out.length === MAX_SHAREABLE) break;
      if (await rankedAfterOpening(this.dataSource, s.id)) out.push(s);
    }
    return out;
  }

  private passes(row: OwnRow, version: VersionRow): boolean {
    return passedSlugs([{ ...row, slug: version.slug, pass_mark: version.pass_mark }]).has(version.slug);
  }

  private async currentVersion(slug: string): Promise<VersionRow> {
    const [row]: VersionRow[] = await this.dataSource.query(
      `SELECT v.id, v.slug, v.version, (v.manifest->'scoring'->>'pass_mark')::float AS pass_mark,
              v.reference_pipeline, v.extra_references, v.calibration
         FROM challenges c JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version
        WHERE c.slug = $1`,
      [slug],
    );
    if (!row) throw new RepsError('not_found', `No published challenge is called ${slug}.`);
    return row;
  }

  private async ownSubmissions(userId: string, version: VersionRow): Promise<OwnRow[]> {
    const rows: OwnRow[] = await this.dataSource.query(
      `SELECT id, status, review_status, correctness, cost_usd, latency_p95_ms, graded_at
         FROM submissions WHERE user_id = $1 AND challenge_version_id = $2 AND status = 'graded'
        ORDER BY graded_at DESC`,
      [userId, version.id],
    );
    return rows.filter(accepted);
  }

  /**
   * The version's shares that pass (`ACCEPTED_SQL` and the pass mark), without their pipelines: the
   * best `MAX_RANKED` and the reader's own; and how many pass in all.
   */
  private async shares(version: VersionRow, userId: string): Promise<[ShareRow[], number]> {
    const passing = `FROM solution_shares sh
         JOIN submissions s ON s.id = sh.submission_id
         JOIN users u ON u.id = sh.user_id
        WHERE sh.challenge_version_id = $1 AND ${ACCEPTED_SQL} AND s.correctness >= $2`;
    const columns = `s.id, s.status, s.review_status, s.correctness, s.cost_usd, s.latency_p95_ms, s.graded_at,
              sh.user_id, sh.shared_at, u.handle, u.display_name`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `(SELECT ${columns} ${passing} ORDER BY s.correctness DESC, s.cost_usd, s.latency_p95_ms, sh.shared_at LIMIT ${MAX_RANKED})
         UNION
         (SELECT ${columns} ${passing} AND sh.user_id = $3)`,
        [version.id, version.pass_mark, userId],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total ${passing}`, [version.id, version.pass_mark]),
    ]);
    return [rows, total];
  }

  private catalogue(): Promise<ChallengeRef[]> {
    return this.dataSource.query(
      'SELECT slug, title, difficulty, skills FROM challenges WHERE published_version IS NOT NULL ORDER BY difficulty, title',
    );
  }
}

/**
 * The version's reference pipelines: `reference` and `reference.<name>` (the catalogue keeps extra
 * references by `<name>`, an upload by their full name). Adversaries, context-free pipelines,
 * ablations and the baseline are never shown here.
 */
function references(version: VersionRow): ReferenceSolution[] {
  const sources: [key: string, name: string, source: string][] = [];
  if (version.reference_pipeline) sources.push(['reference', 'reference', version.reference_pipeline]);
  for (const [key, source] of Object.entries(version.extra_references ?? {})) {
    const name = calibrationRoleOf(key) ? key : `reference.${key}`;
    if (calibrationRoleOf(name) === 'reference' && name !== 'reference') sources.push([key, name, source]);
  }
  const lines = version.calibration?.lines ?? [];
  return sources.map(([key, name, pipeline]) => {
    const line = lines.find((l) => l.pipeline === key || l.pipeline === name);
    return {
      name,
      pipeline,
      figures: line
        ? {
            correctness: coarse('correctness', line.correctness),
            cost_usd: coarse('cost_usd', line.cost_usd),
            latency_p95_ms: coarse('latency_ms', line.latency_ms.p95),
          }
        : null,
    };
  });
}
