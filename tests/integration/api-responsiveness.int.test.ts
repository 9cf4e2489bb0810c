import { jest } from '@jest/globals';
import { newLearner } from '../support/client.js';
import { expectResponsive, healthLatencies } from '../support/stack.js';

jest.setTimeout(180_000);

/**
 * Pipelines whose JSON Schemas take about a second each to compile (just under the pipeline-wide
 * schema limit), made invalid at the end so none is graded. Checked on the request thread, a few of
 * them held every other request for seconds.
 */
function schemaHeavy(variant: number): string {
  const schema = (i: number) => {
    const properties: Record<string, unknown> = {};
    for (let k = 0; k < 30; k++)
      properties[`p${variant}_${i}_${k}`] = {
        anyOf: [
          { type: 'string', pattern: `^a${k}[b-z]{1,5}$` },
          { type: 'object', properties: { x: { type: 'integer', minimum: k } }, required: ['x'] },
        ],
      };
    return { type: 'object', properties };
  };
  const steps: unknown[] = Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    llm: { model: 'sim-mini', prompt: '{{ input.contract }}', output: { json: schema(i) } },
  }));
  steps.push({ id: 'out', output: 'no_such_step' });
  return JSON.stringify({ name: 'heavy', budget: {}, steps });
}

describe('the API under expensive input', () => {
  it('keeps answering /api/health while big pipelines are checked', async () => {
    const { client } = await newLearner('heavy');
    const { latencies, result } = await healthLatencies(
      Promise.all(
        [1, 2, 3, 4].map((variant) =>
          client.post('/challenges/contract-clause-risk/submissions', { pipeline: schemaHeavy(variant) }),
        ),
      ),
    );
    expect(result.map((r) => r.status)).toEqual([422, 422, 422, 422]);
    for (const reply of result)
      expect(reply.body.error.issues).toEqual([
        expect.objectContaining({ path: 'steps.12.output', message: expect.stringMatching(/no_such_step/) }),
      ]);
    expectResponsive(latencies);
  });
});
