import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChallengesAndGrading1764000002000 implements MigrationInterface {
  name = 'ChallengesAndGrading1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE challenges (
        slug text PRIMARY KEY,
        title text NOT NULL,
        domain text NOT NULL,
        skills text[] NOT NULL,
        difficulty int NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
        summary text NOT NULL,
        published_version int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE challenge_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL REFERENCES challenges(slug) ON DELETE CASCADE,
        version int NOT NULL,
        manifest jsonb NOT NULL,
        brief text NOT NULL,
        generator_script text NOT NULL,
        scorer_script text,
        reference_pipeline text,
        baseline_pipeline text,
        public_cases jsonb NOT NULL,
        content_hash text NOT NULL,
        source text NOT NULL CHECK (source IN ('catalogue', 'upload')),
        status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'calibrating', 'published', 'rejected', 'retired')),
        calibration jsonb,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        UNIQUE (slug, version)
      )`);
    await q.query(`
      CREATE TABLE runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        challenge_version_id uuid NOT NULL REFERENCES challenge_versions(id) ON DELETE CASCADE,
        pipeline text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'error')),
        result jsonb,
        error jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query('CREATE INDEX runs_user_idx ON runs (user_id, created_at DESC)');
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        challenge_version_id uuid NOT NULL REFERENCES challenge_versions(id) ON DELETE CASCADE,
        slug text NOT NULL,
        version int NOT NULL,
        pipeline text NOT NULL,
        pipeline_hash text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'graded', 'failed', 'error')),
        cases_done int NOT NULL DEFAULT 0,
        cases_total int NOT NULL DEFAULT 0,
        attempts int NOT NULL DEFAULT 0,
        correctness double precision,
        standard_error double precision,
        cost_usd double precision,
        latency_p50_ms double precision,
        latency_p95_ms double precision,
        calls int,
        tokens_in int,
        tokens_out int,
        result jsonb,
        error jsonb,
        verification_id text UNIQUE,
        rejudge_of uuid REFERENCES submissions(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        graded_at timestamptz
      )`);
    await q.query('CREATE INDEX submissions_user_idx ON submissions (user_id, created_at DESC)');
    await q.query(
      'CREATE INDEX submissions_version_idx ON submissions (challenge_version_id, created_at DESC)',
    );
    await q.query(
      "CREATE INDEX submissions_unfinished_idx ON submissions (created_at) WHERE status IN ('queued', 'running')",
    );
    // One row per learner per challenge version per period ('all' or an ISO week like '2026-W48'):
    // the displayed best, maintained at grade time so reads never aggregate submissions.
    await q.query(`
      CREATE TABLE leaderboard_entries (
        challenge_version_id uuid NOT NULL REFERENCES challenge_versions(id) ON DELETE CASCADE,
        period text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        submission_id uuid NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
        correctness double precision NOT NULL,
        standard_error double precision NOT NULL,
        cost_usd double precision NOT NULL,
        latency_p95_ms double precision NOT NULL,
        graded_at timestamptz NOT NULL,
        PRIMARY KEY (challenge_version_id, period, user_id)
      )`);
    await q.query(
      'CREATE INDEX leaderboard_order_idx ON leaderboard_entries (challenge_version_id, period, correctness DESC, cost_usd, latency_p95_ms, graded_at)',
    );
    await q.query(`
      CREATE TABLE ratings (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope text NOT NULL,
        period text NOT NULL,
        rating double precision NOT NULL,
        challenges int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, period, user_id)
      )`);
    await q.query('CREATE INDEX ratings_order_idx ON ratings (scope, period, rating DESC)');
    await q.query(`
      CREATE TABLE rating_history (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        rating double precision NOT NULL,
        submission_id uuid REFERENCES submissions(id) ON DELETE SET NULL
      )`);
    await q.query('CREATE INDEX rating_history_user_idx ON rating_history (user_id, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rating_history',
      'ratings',
      'leaderboard_entries',
      'submissions',
      'runs',
      'challenge_versions',
      'challenges',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
