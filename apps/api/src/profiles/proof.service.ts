import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Config,
  coarse,
  type PublicProfile,
  RepsError,
  type SignedRecord,
  type VerifiedRecord,
} from '@reps/shared';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { canonicalJson } from './canonical-json.js';

const RECORD_SQL = `
  SELECT s.verification_id, u.handle, s.slug AS challenge, c.title, s.version, s.pipeline_hash, s.correctness,
         s.standard_error, s.cost_usd, s.latency_p50_ms, s.latency_p95_ms, s.graded_at,
         coalesce((s.result->'hidden'->>'cases')::int, s.cases_total) AS hidden_cases,
         c.difficulty, c.domain, (v.manifest->'scoring'->>'pass_mark')::float AS pass_mark
    FROM submissions s
    JOIN users u ON u.id = s.user_id
    JOIN challenges c ON c.slug = s.slug
    JOIN challenge_versions v ON v.id = s.challenge_version_id`;

/**
 * Proof of work: signed records of graded submissions and the public profile built on them.
 *
 * A record's figures are at the resolution of `coarse` (docs/grading.md): a record is public, so it
 * must not carry what a learner may not see. Records are signed when asked for, never stored, and
 * `verify` checks any record against the key: records issued with exact figures before keep
 * verifying, and a record now reads the same as the leaderboard and the profile.
 */
@Injectable()
export class ProofService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async signed(verificationId: string): Promise<SignedRecord> {
    const [row] = await this.dataSource.query(
      // A grading held for review (or rejected in review) is not a result anyone can verify yet.
      `${RECORD_SQL} WHERE s.verification_id = $1 AND s.status = 'graded' AND coalesce(s.review_status, 'accepted') = 'accepted'`,
      [verificationId],
    );
    if (!row) throw new RepsError('not_found', 'No graded submission has this verification id.');
    const record = toRecord(row);
    return { record, signature: this.sign(record), algorithm: 'HMAC-SHA256' };
  }

  /** Whether this server signed exactly this record (whichever resolution it was issued at). */
  verify(record: Record<string, unknown>, signature: string): boolean {
    const expected = Buffer.from(this.sign(record), 'hex');
    const given = Buffer.from(signature, 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(record: object): string {
    return createHmac('sha256', this.config.REPS_SERVER_KEY).update(canonicalJson(record)).digest('hex');
  }

  async profile(handle: string): Promise<PublicProfile> {
    const [user] = await this.dataSource.query(
      'SELECT id, handle, display_name, created_at FROM users WHERE handle = $1',
      [handle],
    );
    if (!user) throw new RepsError('not_found', `Nobody here is called @${handle}.`);
    const [results, ratings] = await Promise.all([
      this.dataSource.query(
        `${RECORD_SQL}
          JOIN leaderboard_entries l ON l.submission_id = s.id AND l.period = 'all'
         WHERE s.user_id = $1 AND c.published_version = s.version
         ORDER BY c.difficulty DESC, s.correctness DESC`,
        [user.id],
      ),
      this.dataSource.query("SELECT scope, rating FROM ratings WHERE user_id = $1 AND period = 'all'", [
        user.id,
      ]),
    ]);
    const byScope = (prefix: string) =>
      Object.fromEntries(
        ratings
          .filter((r: { scope: string }) => r.scope.startsWith(prefix))
          .map((r: { scope: string; rating: number }) => [
            r.scope.slice(prefix.length),
            coarse('rating', r.rating),
          ]),
      );
    return {
      handle: user.handle,
      display_name: user.display_name,
      joined_at: user.created_at.toISOString(),
      rating: coarse('rating', ratings.find((r: { scope: string }) => r.scope === 'global')?.rating ?? 0),
      skills: byScope('skill:'),
      domains: byScope('domain:'),
      results: results.map((row: Record<string, unknown>) => ({
        ...toRecord(row),
        passed: Number(row.correctness) >= Number(row.pass_mark),
        difficulty: Number(row.difficulty),
        domain: String(row.domain),
      })),
    };
  }
}

function toRecord(row: Record<string, unknown>): VerifiedRecord {
  return {
    verification_id: String(row.verification_id),
    handle: String(row.handle),
    challenge: String(row.challenge),
    title: String(row.title),
    version: Number(row.version),
    pipeline_hash: String(row.pipeline_hash),
    correctness: coarse('correctness', Number(row.correctness)),
    standard_error: coarse('standard_error', Number(row.standard_error)),
    cost_usd: coarse('cost_usd', Number(row.cost_usd)),
    latency_p50_ms: coarse('latency_ms', Number(row.latency_p50_ms)),
    latency_p95_ms: coarse('latency_ms', Number(row.latency_p95_ms)),
    // The hidden cases the figures are over (cases_total also counts the public ones run alongside).
    cases: Number(row.hidden_cases),
    graded_at: (row.graded_at as Date).toISOString(),
  };
}
