import { join } from 'node:path';
import { loadChallenge } from '../challenges/load-challenge.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import { capBudget, gradeChallenge } from './grade-challenge.js';

const fixture = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const gateway = () => createDefaultGateway({ extraProviders: [createSimProvider()] });

const codeSum = `
name: exact-sum
budget: { max_calls: 1 }
steps:
  - id: total
    code: return input.numbers.reduce((a, b) => a + b, 0)
  - id: result
    output: "({ sum: total })"
`;

const modelSum = `
name: model-sum
budget: { max_calls: 3 }
steps:
  - id: asked
    llm:
      model: sim-mini
      prompt: "{{ input.question }} {{ input.numbers }}"
      output: { json: { type: object, required: [sum], properties: { sum: { type: integer } } } }
  - id: result
    output: asked
`;

describe('gradeChallenge', () => {
  it('grades a code pipeline perfectly on public and hidden cases', async () => {
    const challenge = await loadChallenge(fixture);
    const publicRun = await gradeChallenge({
      challenge,
      pipelineSource: codeSum,
      kind: 'public',
      gateway: gateway(),
    });
    expect(publicRun.ok && publicRun.result.correctness).toBe(100);
    const hidden = await gradeChallenge({
      challenge,
      pipelineSource: codeSum,
      kind: 'hidden',
      secret: 'a-test-secret-of-length',
      count: 10,
      gateway: gateway(),
    });
    expect(hidden.ok && hidden.cases.map((c) => c.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `hidden-${i + 1}`),
    );
    expect(hidden.ok && hidden.result.correctness).toBe(100);
  });

  it('gives the same result to the last digit on a second run', async () => {
    const challenge = await loadChallenge(fixture);
    const run = () =>
      gradeChallenge({
        challenge,
        pipelineSource: modelSum,
        kind: 'public',
        gateway: gateway(),
        caseConcurrency: 3,
      });
    const [a, b] = [await run(), await run()];
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
      expect(a.result.calls).toBeGreaterThan(0);
    }
  });

  it('rejects a model the challenge does not allow, with its position', async () => {
    const challenge = await loadChallenge(fixture);
    const outcome = await gradeChallenge({
      challenge,
      pipelineSource: modelSum.replace('sim-mini', 'anthropic:claude-x'),
      kind: 'public',
      gateway: gateway(),
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.issues[0]).toMatchObject({
        code: 'invalid_pipeline',
        path: 'steps.0.llm.model',
        line: 7,
      });
  });

  it("caps the pipeline's budget by the challenge's", () => {
    expect(
      capBudget(
        { max_calls: 500, max_cost_usd: 0.001 },
        { max_calls: 5, max_cost_usd: 0.01, max_ms: 10_000 },
      ),
    ).toEqual({
      max_calls: 5,
      max_tokens: undefined,
      max_cost_usd: 0.001,
      max_ms: 10_000,
    });
  });
});
