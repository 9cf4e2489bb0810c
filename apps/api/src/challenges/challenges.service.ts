import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModelGateway } from '@reps/engine';
import {
  type ChallengeDetail,
  type ChallengeListQuery,
  type ChallengeSummary,
  coarse,
  type ModelOffer,
  type MyBest,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import { containsPattern } from '../common/like-pattern.js';
import { MODEL_GATEWAY } from '../models/models.module.js';
import { passedChallenges } from '../progress/passed.js';
import { ReadCache } from '../redis/read-cache.js';
import { submissionsToday } from '../submissions/daily-cap.js';
import { SubmissionCounts } from '../submissions/submission-counts.js';
import { ChallengeStore } from './challenge-store.js';
import type { ChallengeVersion } from './challenge-version.entity.js';

interface CardRow {
  slug: string;
  title: string;
  domain: string;
  skills: string[];
  difficulty: number;
  summary: string;
  version: number;
  pass_mark: string;
}

interface BestRow {
  slug: string;
  correctness: number;
  cost_usd: number;
  latency_p95_ms: number;
  submission_id: string;
}

/** The signed-in learner's part of a card: displayed bests by slug, and the slugs passed (passed.ts). */
interface Mine {
  bests: Map<string, BestRow>;
  passed: Set<string>;
}

const NOBODY: Mine = { bests: new Map(), passed: new Set() };

/** Cards, facets and challenge pages are the same for everyone until a version is published. */
const CATALOGUE_TTL_MS = 5000;

/**
 * A learner's bests and passes change with their grades (dropped on 'standings' at once) and with a
 * publication (which moves the current version): this bounds the latter.
 */
const MINE_TTL_MS = 2000;

/**
 * The catalogue and challenge pages. What is the same for everyone (cards, facets, a version's
 * brief, schemas, models and public cases) is cached per query and version (ReadCache, dropped
 * when a version is published); the signed-in learner's bests are kept per learner until any
 * grade is recorded (or for MINE_TTL_MS) and today's submissions until they submit again
 * (SubmissionCounts), and both are laid over it.
 */
@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    @Inject(MODEL_GATEWAY) private readonly gateway: ModelGateway,
    private readonly cache: ReadCache,
    private readonly counts: SubmissionCounts,
  ) {}

  async list(query: ChallengeListQuery, userId?: string): Promise<ChallengeSummary[]> {
    const { solved, ...filters } = query;
    const [cards, mine] = await Promise.all([
      this.cache.get('catalogue', `cards:${JSON.stringify(filters)}`, CATALOGUE_TTL_MS, () =>
        this.cards(filters),
      ),
      this.mine(userId),
    ]);
    const withMine = cards.map((card) => withBest(card, mine));
    if (solved === undefined || !userId) return withMine;
    return withMine.filter((c) => c.solved === (solved === 'true'));
  }

  private async cards(query: Omit<ChallengeListQuery, 'solved'>): Promise<ChallengeSummary[]> {
    const rows: CardRow[] = await this.dataSource.query(
      `SELECT c.slug, c.title, c.domain, c.skills, c.difficulty, c.summary, v.version,
              v.manifest->'scoring'->>'pass_mark' AS pass_mark
         FROM challenges c
         JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version
        WHERE ($1::text IS NULL OR lower(c.domain) = lower($1))
          AND ($2::text IS NULL OR $2 = ANY(c.skills))
          AND ($3::int IS NULL OR c.difficulty = $3)
          AND ($4::text IS NULL OR c.title ILIKE $4 OR c.summary ILIKE $4 OR c.domain ILIKE $4)
        ORDER BY c.difficulty, c.title`,
      [query.domain ?? null, query.skill ?? null, query.difficulty ?? null, containsPattern(query.q)],
    );
    return rows.map(toSummary);
  }

  /**
   * The learner's displayed bests on each challenge's current version, and what they passed: kept
   * for a moment per learner and dropped with the boards when any grade is recorded (ReadCache), so
   * their own new grade shows at once.
   */
  private mine(userId?: string): Promise<Mine> {
    if (!userId) return Promise.resolve(NOBODY);
    return this.cache.getPersonal('standings', `mine:${userId}`, MINE_TTL_MS, async () => {
      const [bests, passed] = await Promise.all([
        this.bests(userId),
        passedChallenges(this.dataSource, userId),
      ]);
      return { bests, passed };
    });
  }

  /** The learner's displayed bests on each challenge's current version, by slug. */
  private async bests(userId: string): Promise<Map<string, BestRow>> {
    const rows: BestRow[] = await this.dataSource.query(
      `SELECT c.slug, l.correctness, l.cost_usd, l.latency_p95_ms, l.submission_id
         FROM leaderboard_entries l
         JOIN challenge_versions v ON v.id = l.challenge_version_id
         JOIN challenges c ON c.slug = v.slug AND c.published_version = v.version
        WHERE l.user_id = $1 AND l.period = 'all'`,
      [userId],
    );
    return new Map(rows.map((row) => [row.slug, row]));
  }

  facets(): Promise<{ domains: string[]; skills: string[] }> {
    return this.cache.get('catalogue', 'facets', CATALOGUE_TTL_MS, async () => {
      const [row] = await this.dataSource.query(
        `SELECT coalesce(array_agg(DISTINCT domain ORDER BY domain), '{}') AS domains,
                coalesce((SELECT array_agg(DISTINCT s ORDER BY s) FROM challenges, unnest(skills) s WHERE published_version IS NOT NULL), '{}') AS skills
           FROM challenges WHERE published_version IS NOT NULL`,
      );
      return { domains: row.domains as string[], skills: row.skills as string[] };
    });
  }

  private submissionsToday(userId: string | undefined, slug: string): Promise<number | null> {
    if (!userId) return Promise.resolve(null);
    return this.counts.today(userId, slug, () => submissionsToday(this.dataSource, userId, slug));
  }

  async detail(slug: string, userId?: string, version?: number): Promise<ChallengeDetail> {
    const [page, mine, today] = await Promise.all([
      this.cache.get('catalogue', `page:${slug}:${version ?? 'current'}`, CATALOGUE_TTL_MS, () =>
        this.page(slug, version),
      ),
      this.mine(userId),
      this.submissionsToday(userId, slug),
    ]);
    // The learner's best on the current version, as on the card.
    return { ...withBest(page, mine), submissions_today: today };
  }

  /** A version's page as anyone sees it. */
  private async page(slug: string, version?: number): Promise<ChallengeDetail> {
    const row = await this.store.version(slug, version);
    const [card] = await this.cards({ q: undefined }).then((all) => all.filter((c) => c.slug === slug));
    const versions: { version: number; published_at: Date | null }[] = await this.dataSource.query(
      "SELECT version, published_at FROM challenge_versions WHERE slug = $1 AND status IN ('published', 'retired') ORDER BY version DESC",
      [slug],
    );
    const m = row.manifest;
    return {
      ...(card ?? summaryOf(row)),
      version: row.version,
      brief: row.brief,
      input_schema: m.input_schema,
      output_schema: m.output_schema,
      aspects: m.aspects,
      models: this.offers(m.models),
      model_patterns: m.models.filter((id) => id.endsWith('*')),
      budget: m.budget,
      scorer: m.scoring.scorer,
      cases: m.cases,
      submissions_per_day: m.submissions_per_day,
      submissions_today: null,
      public_cases: row.publicCases,
      baseline_pipeline: row.baselinePipeline,
      versions: versions.map((v) => ({
        version: v.version,
        published_at: v.published_at?.toISOString() ?? null,
        current: v.version === card?.version,
      })),
    };
  }

  private offers(allowed: string[]): ModelOffer[] {
    return allowed
      .filter((id) => !id.endsWith('*'))
      .map((id) => this.gateway.describe(id))
      .filter((info) => info !== undefined)
      .map((info) => ({
        id: info.id,
        simulated: info.simulated,
        context_tokens: info.contextTokens,
        input_price_per_m: info.inputPricePerM,
        output_price_per_m: info.outputPricePerM,
      }));
  }
}

function toSummary(row: CardRow): ChallengeSummary {
  return {
    slug: row.slug,
    title: row.title,
    domain: row.domain,
    skills: row.skills,
    difficulty: row.difficulty,
    summary: row.summary,
    version: row.version,
    pass_mark: Number(row.pass_mark),
    best: null,
    solved: false,
  };
}

/**
 * A card (or page) with the learner's best laid over it; the cached card is not changed. `passed`
 * is the passed rule (passed.ts), not the displayed best: the Ladder rule may keep an earlier best.
 */
function withBest<T extends ChallengeSummary>(card: T, mine: Mine): T {
  const row = mine.bests.get(card.slug);
  if (!row) return card;
  const best: MyBest = {
    correctness: coarse('correctness', Number(row.correctness)),
    cost_usd: coarse('cost_usd', Number(row.cost_usd)),
    latency_p95_ms: coarse('latency_ms', Number(row.latency_p95_ms)),
    submission_id: row.submission_id,
    passed: mine.passed.has(card.slug),
  };
  return { ...card, best, solved: best.passed };
}

function summaryOf(row: ChallengeVersion): ChallengeSummary {
  const m = row.manifest;
  return {
    slug: m.slug,
    title: m.title,
    domain: m.domain,
    skills: m.skills,
    difficulty: m.difficulty,
    summary: m.summary,
    version: row.version,
    pass_mark: m.scoring.pass_mark,
    best: null,
    solved: false,
  };
}
