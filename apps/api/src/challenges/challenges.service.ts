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
import { MODEL_GATEWAY } from '../models/models.module.js';
import { submissionsToday } from '../submissions/daily-cap.js';
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
  best_correctness: number | null;
  best_cost: number | null;
  best_latency: number | null;
  best_submission: string | null;
}

@Injectable()
export class ChallengesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ChallengeStore,
    @Inject(MODEL_GATEWAY) private readonly gateway: ModelGateway,
  ) {}

  async list(query: ChallengeListQuery, userId?: string): Promise<ChallengeSummary[]> {
    const rows: CardRow[] = await this.dataSource.query(
      `SELECT c.slug, c.title, c.domain, c.skills, c.difficulty, c.summary, v.version,
              v.manifest->'scoring'->>'pass_mark' AS pass_mark,
              l.correctness AS best_correctness, l.cost_usd AS best_cost, l.latency_p95_ms AS best_latency,
              l.submission_id AS best_submission
         FROM challenges c
         JOIN challenge_versions v ON v.slug = c.slug AND v.version = c.published_version
         LEFT JOIN leaderboard_entries l ON l.challenge_version_id = v.id AND l.period = 'all' AND l.user_id = $1
        WHERE ($2::text IS NULL OR lower(c.domain) = lower($2))
          AND ($3::text IS NULL OR $3 = ANY(c.skills))
          AND ($4::int IS NULL OR c.difficulty = $4)
          AND ($5::text IS NULL OR c.title ILIKE '%' || $5 || '%' OR c.summary ILIKE '%' || $5 || '%' OR c.domain ILIKE '%' || $5 || '%')
        ORDER BY c.difficulty, c.title`,
      [userId ?? null, query.domain ?? null, query.skill ?? null, query.difficulty ?? null, query.q ?? null],
    );
    const cards = rows.map(toSummary);
    if (query.solved === undefined || !userId) return cards;
    return cards.filter((c) => c.solved === (query.solved === 'true'));
  }

  async facets(): Promise<{ domains: string[]; skills: string[] }> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(array_agg(DISTINCT domain ORDER BY domain), '{}') AS domains,
              coalesce((SELECT array_agg(DISTINCT s ORDER BY s) FROM challenges, unnest(skills) s WHERE published_version IS NOT NULL), '{}') AS skills
         FROM challenges WHERE published_version IS NOT NULL`,
    );
    return { domains: row.domains, skills: row.skills };
  }

  private submissionsToday(userId: string | undefined, slug: string): Promise<number | null> {
    return userId ? submissionsToday(this.dataSource, userId, slug) : Promise.resolve(null);
  }

  async detail(slug: string, userId?: string, version?: number): Promise<ChallengeDetail> {
    const row = await this.store.version(slug, version);
    const [card] = await this.list({ q: undefined }, userId).then((all) =>
      all.filter((c) => c.slug === slug),
    );
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
      submissions_today: await this.submissionsToday(userId, slug),
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
  const passMark = Number(row.pass_mark);
  const best: MyBest | null =
    row.best_submission === null
      ? null
      : {
          correctness: coarse('correctness', Number(row.best_correctness)),
          cost_usd: coarse('cost_usd', Number(row.best_cost)),
          latency_p95_ms: coarse('latency_ms', Number(row.best_latency)),
          submission_id: row.best_submission,
          passed: Number(row.best_correctness) >= passMark,
        };
  return {
    slug: row.slug,
    title: row.title,
    domain: row.domain,
    skills: row.skills,
    difficulty: row.difficulty,
    summary: row.summary,
    version: row.version,
    pass_mark: passMark,
    best,
    solved: best?.passed ?? false,
  };
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
