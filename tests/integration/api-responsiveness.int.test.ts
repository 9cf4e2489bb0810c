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

/**
 * A ref-free definition with 60 properties referenced by 150 properties: about 9 KB, within every
 * schema limit, but 9 s to compile when the validator inlines the definition at each reference.
 */
function inlinedRefSchema(tag: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < 60; i++) properties[`p${i}`] = { type: 'integer', minimum: i, maximum: 1000 + i };
  const schema = {
    $comment: tag,
    definitions: { D: { type: 'object', properties } },
    type: 'object',
    properties: {},
  };
  for (let i = 0; i < 150; i++)
    (schema.properties as Record<string, unknown>)[`r${i}`] = { $ref: '#/definitions/D' };
  return schema;
}

describe('the API under expensive input', () => {
  it('keeps answering /api/health while big pipelines are checked', async () => {
    // Four learners (one check at a time per learner).
    const clients = await Promise.all([1, 2, 3, 4].map(async () => (await newLearner('heavy')).client));
    const { latencies, result } = await healthLatencies(
      Promise.all(
        clients.map((client, variant) =>
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

  it('keeps answering while a skill with costly schemas is checked, and one user gets one check at a time', async () => {
    const { client } = await newLearner('heavyskill');
    const steps: unknown[] = [{ id: 'base', code: 'return input.x' }];
    for (let i = 0; i < 4; i++)
      steps.push({ id: `v${i}`, validate: 'base', schema: inlinedRefSchema(`s${i}`) });
    const source = JSON.stringify({
      name: 'blocker',
      budget: { max_calls: 1 },
      inputs: { x: { type: 'string' } },
      steps,
    });
    const { latencies, result } = await healthLatencies(
      Promise.all([
        client.post('/me/skills', { name: 'blocker', source }),
        // Sent while the first is being checked: the same user waits for their own first.
        new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
          client.post('/me/skills', { name: 'blocker-two', source }),
        ),
      ]),
    );
    expectResponsive(latencies);
    const statuses = result.map((r) => r.status).sort();
    expect({ statuses, first: result[0].body.error }).toMatchObject({ statuses: [201, expect.any(Number)] });
    expect([201, 429]).toContain(statuses[1]);
    const refused = result.find((r) => r.status === 429);
    if (refused) expect(refused.body.error.message).toMatch(/still being checked/);
  });
});
