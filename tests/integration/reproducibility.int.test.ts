import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { createDefaultGateway, createSimProvider, gradeChallenge, loadChallenge } from '@reps/engine';
import { coarseHidden } from '@reps/shared';
import { graded, newLearner } from '../support/client.js';
import { repoRoot, stackEnv } from '../support/stack.js';
import { storedHidden } from '../support/stored.js';

jest.setTimeout(120_000);

describe('reproducibility', () => {
  it('grades a model pipeline in the worker exactly as the engine does locally with the same seed', async () => {
    const pipeline = readFileSync(join(repoRoot, 'examples/echo-sum/checked.pipeline.yaml'), 'utf8');
    const { client } = await newLearner('repro');
    const submitted = await client.post('/challenges/echo-sum/submissions', { pipeline });
    expect(submitted.status).toBe(202);
    const view = await graded(client, submitted.body.id, 60_000);
    const local = await gradeChallenge({
      challenge: await loadChallenge(join(repoRoot, 'packages/engine/src/challenges/fixtures/echo-sum')),
      pipelineSource: pipeline,
      kind: 'hidden',
      secret: stackEnv().REPS_HIDDEN_SEED,
      gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
    });
    expect(local.ok).toBe(true);
    if (!local.ok) return;
    expect(local.result.calls).toBeGreaterThan(50); // the sim models were really called
    // Exact in the database, to the last digit …
    const stored = await storedHidden(submitted.body.id);
    expect(stored).toMatchObject({
      correctness: local.result.correctness,
      cost_usd: local.result.cost_usd,
      latency_ms: local.result.latency_ms,
      calls: local.result.calls,
      tokens: local.result.tokens,
      statuses: local.result.statuses,
    });
    // … and rounded in what the learner reads.
    expect(view.result.hidden).toEqual(coarseHidden(stored));
  });
});
