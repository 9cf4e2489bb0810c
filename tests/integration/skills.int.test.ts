import { jest } from '@jest/globals';
import { graded, newLearner } from '../support/client.js';

jest.setTimeout(120_000);

const sumSkill = `name: sum-of
budget: {}
inputs:
  numbers: { type: array, items: { type: number } }
steps:
  - id: total
    code: return input.numbers.reduce((a, b) => a + b, 0)
  - id: out
    output: total
`;
const usesSkill = (ref: string) => `name: with-skill
budget: {}
steps:
  - id: total
    use: ${ref}
    inputs: { numbers: input.numbers }
  - id: result
    output: "({ sum: total })"
`;

describe('saved skills', () => {
  it('are saved in versions, used by runs and submissions, and snapshotted at submission', async () => {
    const { client } = await newLearner('skills');
    const v1 = await client.post('/me/skills', {
      name: 'sum-of',
      source: sumSkill,
      description: 'adds numbers',
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ name: 'sum-of', version: 1, description: 'adds numbers' });

    const run = await client.post('/challenges/echo-sum/runs', { pipeline: usesSkill('sum-of') });
    expect(run.status).toBe(200);
    expect(run.body.result.correctness).toBe(100);

    const submitted = await client.post('/challenges/echo-sum/submissions', {
      pipeline: usesSkill('sum-of@1'),
    });
    expect(submitted.status).toBe(202);
    // A broken second version saved right after must not change the submission already sent.
    const v2 = await client.post('/me/skills', {
      name: 'sum-of',
      source: sumSkill.replace('a + b', 'a - b'),
    });
    expect(v2.body.version).toBe(2);
    const view = await graded(client, submitted.body.id, 60_000);
    expect(view.correctness).toBe(100);

    const list = await client.get('/me/skills');
    expect(list.body.items).toEqual([expect.objectContaining({ name: 'sum-of', versions: [1, 2] })]);
    expect((await client.get('/me/skills/sum-of?version=1')).body.source).toBe(sumSkill);
    const latestRun = await client.post('/challenges/echo-sum/runs', { pipeline: usesSkill('sum-of') });
    expect(latestRun.body.result.correctness).toBeLessThan(100);
  });

  it('refuse a skill without inputs and a pipeline using an unknown skill, with positions', async () => {
    const { client } = await newLearner('skills-bad');
    const noInputs = await client.post('/me/skills', {
      name: 'plain',
      source: sumSkill.replace(/inputs:\n.*\n/, ''),
    });
    expect(noInputs.status).toBe(422);
    expect(noInputs.body.error.issues[0].path).toBe('inputs');
    const unknown = await client.post('/challenges/echo-sum/runs', { pipeline: usesSkill('nobodys-skill') });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0]).toMatchObject({
      line: 5,
      message: expect.stringMatching(/unknown skill "nobodys-skill"/),
    });
  });

  it('are private: another learner cannot use or read them', async () => {
    const owner = await newLearner('skills-owner');
    await owner.client.post('/me/skills', { name: 'secret-sum', source: sumSkill });
    const other = await newLearner('skills-other');
    expect((await other.client.get('/me/skills/secret-sum')).status).toBe(404);
    expect(
      (await other.client.post('/challenges/echo-sum/runs', { pipeline: usesSkill('secret-sum') })).status,
    ).toBe(422);
  });
});
