import { join } from 'node:path';
import { loadChallenge } from '../challenges/load-challenge.js';
import { skillLibrary } from '../dsl/skill-library.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import { gradeChallenge, parseForChallenge } from './grade-challenge.js';
import { callsOnlySimulatedModels } from './unpriced-models.js';

const fixture = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const gateway = createDefaultGateway({ extraProviders: [createSimProvider()] });

const pipelineWith = (model: string) => `name: priced
budget: { max_calls: 3 }
steps:
  - id: items
    code: return input.numbers
  - id: each
    map: items
    step:
      llm: { model: ${model}, prompt: "{{ item }}" }
  - id: result
    output: "({ sum: each.length })"
`;

const skill = `name: ask
budget: {}
inputs: { question: { type: string } }
steps:
  - id: asked
    llm: { model: "openai:in-house-model", prompt: "{{ input.question }}" }
  - id: result
    output: asked
`;

describe('graded pipelines need models with a known price', () => {
  it('refuses a real model without a price, naming it at its line, only when prices are required', async () => {
    const { manifest } = await loadChallenge(fixture);
    const source = pipelineWith('"openai:in-house-model"');
    expect(parseForChallenge(manifest, source, gateway).ok).toBe(true);
    const graded = parseForChallenge(manifest, source, gateway, undefined, { requireKnownPrices: true });
    expect(graded.ok).toBe(false);
    if (graded.ok) return;
    expect(graded.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_pipeline',
        path: 'steps.1.step.llm.model',
        line: 9,
        message: expect.stringContaining('"openai:in-house-model" has no known price'),
      }),
    ]);
  });

  it('accepts priced real models and simulated ones', async () => {
    const { manifest } = await loadChallenge(fixture);
    for (const model of ['"openai:gpt-4o-mini"', '"openai:gpt-4o-mini-2024-07-18"', 'sim-mini'])
      expect(
        parseForChallenge(manifest, pipelineWith(model), gateway, undefined, { requireKnownPrices: true }).ok,
      ).toBe(true);
  });

  it('refuses a skill that calls an unpriced model, at its use step', async () => {
    const { manifest } = await loadChallenge(fixture);
    const source = `name: with-skill
budget: {}
steps:
  - id: asked
    use: ask
    inputs: { question: input.question }
  - id: result
    output: "({ sum: 0 })"
`;
    const skills = skillLibrary({ ask: skill });
    const parsed = parseForChallenge(manifest, source, gateway, skills, { requireKnownPrices: true });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues[0]).toMatchObject({
        path: 'steps.0.use',
        message: expect.stringContaining('skill "ask": model "openai:in-house-model"'),
      });
  });

  it('refuses an agent on an unpriced model, and one whose use tool runs a skill on one', async () => {
    const { manifest } = await loadChallenge(fixture);
    const source = (model: string) => `name: with-agent
budget: {}
steps:
  - id: asked
    agent:
      model: ${model}
      prompt: "{{ input.numbers }}"
      tools:
        - name: ask
          description: asks
          input: { type: object, required: [question], properties: { question: { type: string } } }
          use: ask
  - id: result
    output: "({ sum: 0 })"
`;
    const skills = skillLibrary({ ask: skill });
    const check = (model: string) =>
      parseForChallenge(manifest, source(model), gateway, skills, { requireKnownPrices: true });
    const unpricedAgent = check('"openai:in-house-model"');
    expect(
      unpricedAgent.ok ? [] : unpricedAgent.issues.map((i) => `${i.line} ${i.path} ${i.message}`),
    ).toEqual([
      expect.stringMatching(/^6 steps\.0\.agent\.model model "openai:in-house-model" has no known price/),
      expect.stringMatching(/^12 steps\.0\.agent\.tools\.0\.use skill "ask": model "openai:in-house-model"/),
    ]);
    const pricedAgent = check('sim-mini');
    expect(pricedAgent.ok ? [] : pricedAgent.issues.map((i) => i.path)).toEqual([
      'steps.0.agent.tools.0.use',
    ]);
  });

  it('grades nothing when prices are required and a model has none', async () => {
    const outcome = await gradeChallenge({
      challenge: await loadChallenge(fixture),
      pipelineSource: pipelineWith('"openai:in-house-model"'),
      kind: 'public',
      gateway,
      requireKnownPrices: true,
    });
    expect(outcome.ok).toBe(false);
  });
});

describe('callsOnlySimulatedModels', () => {
  const parsed = async (source: string) => {
    const { manifest } = await loadChallenge(fixture);
    const result = parseForChallenge(manifest, source, gateway, skillLibrary({ ask: skill }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.pipeline;
  };
  const usesSkill = `name: via-skill
budget: { max_calls: 3 }
steps:
  - id: asked
    use: ask
    inputs: { question: input.question }
  - id: result
    output: "({ sum: 1 })"
`;

  it('says a grading is CPU work alone only when the pipeline, its skills and the judge call simulated models', async () => {
    const skills = skillLibrary({ ask: skill });
    expect(callsOnlySimulatedModels(await parsed(pipelineWith('sim-mini')), gateway, skills)).toBe(true);
    expect(
      callsOnlySimulatedModels(await parsed(pipelineWith('"openai:gpt-4o-mini"')), gateway, skills),
    ).toBe(false);
    // The skill calls a real model from inside a `use:` step.
    expect(callsOnlySimulatedModels(await parsed(usesSkill), gateway, skills)).toBe(false);
    const sim = await parsed(pipelineWith('sim-mini'));
    const judged = (model: string) => ({ scorer: 'llm_judge', params: { model, rubric: 'r' } });
    expect(callsOnlySimulatedModels(sim, gateway, skills, judged('sim-pro'))).toBe(true);
    expect(callsOnlySimulatedModels(sim, gateway, skills, judged('openai:gpt-4o'))).toBe(false);
  });
});
