import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { createDefaultGateway, createSimProvider, gradeChallenge, loadChallenge } from '@reps/engine';
import { coarseHidden } from '@reps/shared';
import { graded, newLearner } from '../support/client.js';
import { Deployment } from '../support/deployment.js';
import { fakeOpenAI, modelPipeline } from '../support/fake-openai.js';
import { repoRoot, stackEnv, waitUntil } from '../support/stack.js';
import { storedHidden } from '../support/stored.js';

jest.setTimeout(240_000);

const echoSum = join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum');

describe('grading in threads', () => {
  it('scores a submission in the worker as the engine in-process and `reps run --cases hidden` do, to the last digit', async () => {
    const pipeline = readFileSync(join(repoRoot, 'examples/echo-sum/naive.pipeline.yaml'), 'utf8');
    const { client } = await newLearner('threads');
    const submitted = await client.post('/challenges/echo-sum/submissions', { pipeline });
    expect(submitted.status).toBe(202);
    const view = await graded(client, submitted.body.id, 90_000);
    const secret = stackEnv().REPS_HIDDEN_SEED;
    const local = await gradeChallenge({
      challenge: await loadChallenge(echoSum),
      pipelineSource: pipeline,
      kind: 'hidden',
      secret,
      gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
    });
    expect(local.ok).toBe(true);
    if (!local.ok) return;
    expect(local.result.correctness).toBeLessThan(100); // a sim model that errs: a telling comparison
    const expected = {
      correctness: local.result.correctness,
      cost_usd: local.result.cost_usd,
      latency_ms: local.result.latency_ms,
      calls: local.result.calls,
      tokens: local.result.tokens,
      statuses: local.result.statuses,
    };
    // Exact in the database; the learner reads it rounded (docs/grading.md).
    const stored = await storedHidden(submitted.body.id);
    expect(stored).toMatchObject(expected);
    expect(view.result.hidden).toEqual(coarseHidden(stored));

    const dir = mkdtempSync(join(tmpdir(), 'reps-threads-'));
    writeFileSync(join(dir, 'naive.pipeline.yaml'), pipeline);
    const cli = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'packages/cli/bin/reps.js'),
        'run',
        join(dir, 'naive.pipeline.yaml'),
        '--challenge',
        echoSum,
        '--cases',
        'hidden',
        '--json',
        '--save-trace',
        join(dir, 'traces'),
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir, REPS_HIDDEN_SEED: secret },
      },
    );
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject(expected);
  });

  describe('on a server with its own OpenAI-compatible provider', () => {
    const d = new Deployment();
    let fake: Awaited<ReturnType<typeof fakeOpenAI>>;
    const learnerKey = 'sk-learner-own-key-9Zt4';
    let slipped: string;

    beforeAll(async () => {
      fake = await fakeOpenAI();
      await d.start('threads', { REPS_OPENAI_BASE_URL: fake.url });
      // A submission with an unpriced model that got past the API (stored before this rule, say):
      // the worker (its reconciler at start) must refuse it too.
      const me = await d.client.get('/me');
      const { rows } = await d.db!.query(
        "SELECT id, version FROM challenge_versions WHERE slug = 'echo-sum' AND status = 'published'",
      );
      const pipeline = modelPipeline('openai:in-house-model');
      const inserted = await d.db!.query(
        `INSERT INTO submissions (user_id, challenge_version_id, slug, version, pipeline, pipeline_hash, cases_total, created_at)
         VALUES ($1, $2, 'echo-sum', $3, $4, $5, 55, now() - interval '10 minutes') RETURNING id`,
        [
          me.body.id,
          rows[0].id,
          rows[0].version,
          pipeline,
          createHash('sha256').update(pipeline).digest('hex'),
        ],
      );
      slipped = inserted.rows[0].id;
      d.startWorker();
      expect((await d.client.request('PUT', '/me/model-keys/openai', { api_key: learnerKey })).status).toBe(
        200,
      );
    });

    afterAll(async () => {
      fake.close();
      await d.stop();
    });

    it("grades hidden cases on the server's provider, never with a learner's saved key, which serves practice runs", async () => {
      fake.seen.length = 0;
      const run = await d.client.post('/challenges/echo-sum/runs', {
        pipeline: modelPipeline('openai:gpt-4o-mini'),
      });
      expect(run.status).toBe(200);
      expect(run.body.result.statuses).toEqual({ ok: 5 });
      expect(fake.seen.length).toBe(5);
      expect(fake.seen.every((h) => h.authorization === `Bearer ${learnerKey}`)).toBe(true);

      fake.seen.length = 0;
      const submitted = await d.client.post('/challenges/echo-sum/submissions', {
        pipeline: modelPipeline('openai:gpt-4o-mini'),
      });
      expect(submitted.status).toBe(202);
      const view = await graded(d.client, submitted.body.id, 120_000);
      expect(view.result.hidden.statuses).toEqual({ ok: 50 });
      expect(view.result.hidden.cost_usd).toBeGreaterThan(0);
      expect(fake.seen.length).toBe(55); // 50 hidden and 5 public cases, one call each
      expect(fake.seen.some((h) => h.authorization?.includes(learnerKey))).toBe(false);
    });

    it('refuses a model without a known price for a submission, at POST and in the worker; a practice run may use it', async () => {
      const unpriced = modelPipeline('openai:in-house-model');
      const refused = await d.client.post('/challenges/echo-sum/submissions', { pipeline: unpriced });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_pipeline');
      expect(refused.body.error.issues[0]).toMatchObject({
        path: 'steps.0.llm.model',
        line: 6,
        message: expect.stringContaining('"openai:in-house-model" has no known price'),
      });

      const failed = await waitUntil(
        async () => {
          const res = await d.client.get(`/submissions/${slipped}`);
          return res.body.status === 'failed' ? res.body : null;
        },
        90_000,
        'the worker refusing the slipped-in submission',
      );
      expect(failed.error).toMatchObject({
        code: 'invalid_pipeline',
        message: expect.stringContaining('"openai:in-house-model" has no known price'),
      });

      fake.seen.length = 0;
      const practice = await d.client.post('/challenges/echo-sum/runs', { pipeline: unpriced });
      expect(practice.status).toBe(200);
      expect(practice.body.result.statuses).toEqual({ ok: 5 });
      expect(practice.body.result.cost_usd).toBe(0);
      expect(fake.seen.every((h) => h.authorization === `Bearer ${learnerKey}`)).toBe(true);
    });
  });
});
