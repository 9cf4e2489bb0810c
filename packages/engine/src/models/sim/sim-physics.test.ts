import type { FactUnit } from '@reps/shared';
import { countTextTokens } from '../tokens.js';
import {
  accuracyAfterExclusion,
  answerAccuracy,
  arithmeticAccuracy,
  positionFactor,
  verificationAccuracy,
} from './accuracy.js';
import { getSimModel, SIM_MODELS, SIM_RULES } from './sim-models.js';
import { completeSync } from './sim-provider.js';
import { ASPECTS, ask, LIST_ASPECTS, makeFacts, makeListFacts } from './sim-test-kit.js';

// Property tests of the published physics: observed rates over many draws match the formulas.

const RISK_LIST = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, risk: { type: 'string' } } },
    },
  },
};

// Every call is about a fresh case (makeFacts' salt): a model's answer is a latent draw per case,
// unit and aspect (rule 5), so rewording the same case would repeat it rather than draw anew.

function observedAccuracy(model: string, k: number, draws: number): number {
  const spec = getSimModel(model)!;
  let right = 0;
  let seen = 0;
  for (let call = 0; seen < draws; call++) {
    const facts = makeFacts(k, call + 1);
    const prompt = `Request ${call}. Rate the risk of each clause.\n${facts.map((f) => f.text).join('\n')}`;
    const completion = completeSync(
      spec,
      ask(model, prompt, { output: { kind: 'json', schema: RISK_LIST, strict: true } }),
      {
        facts,
        aspects: ASPECTS,
      },
    );
    const items = (completion.json as { items?: Array<{ id: string; risk: string }> } | undefined)?.items;
    if (!items) continue;
    for (const item of items) {
      const fact = facts.find((f) => f.id === item.id);
      // A rare strict-mode fault drops a field; such items are not draws.
      if (!fact || item.risk === undefined) continue;
      if (item.risk === fact.answers.risk) right++;
      seen++;
    }
  }
  return right / seen;
}

describe('sim physics: accuracy', () => {
  for (const spec of SIM_MODELS) {
    for (const k of [1, 5, 20]) {
      it(`${spec.id} with ${k} unit(s) per prompt is right within ±2 points of base × (1 − d)^(k − 1) × position over 10,000 draws`, () => {
        const p = answerAccuracy(spec, { k });
        expect(p).toBeCloseTo(spec.baseAccuracy * (1 - spec.dilutionPerUnit) ** (k - 1), 10);
        // Unit i of k starts about i/k of the way into the prompt.
        let position = 0;
        for (let i = 0; i < k; i++) position += positionFactor(i / k, k) / k;
        expect(Math.abs(observedAccuracy(spec.id, k, 10_000) - p * position)).toBeLessThan(0.02);
      });
    }
  }

  it('loses up to 10 % near a full context and gains up to 3 % when the values are stated', () => {
    const spec = SIM_MODELS[0]!;
    expect(answerAccuracy(spec, { k: 1, contextFill: 0.4 })).toBeCloseTo(spec.baseAccuracy, 10);
    expect(answerAccuracy(spec, { k: 1, contextFill: 1 })).toBeCloseTo(spec.baseAccuracy * 0.9, 10);
    expect(answerAccuracy(spec, { k: 1, statedShare: 1 })).toBeCloseTo(spec.baseAccuracy * 1.03, 10);
  });

  it('judges verification prompts with accuracy 1 − (1 − p)/2, less where it shares the misreading, over 10,000 draws', () => {
    const spec = SIM_MODELS[0]!;
    let right = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const facts = makeFacts(1, i + 1);
      const proposed = ['low', 'medium', 'high'][i % 3];
      const prompt = `Case ${i}. Check whether the proposed answer is correct.\n${facts[0]!.text}\nProposed: {"risk": "${proposed}"}`;
      const schema = { type: 'object', properties: { correct: { type: 'boolean' } } };
      const c = completeSync(spec, ask(spec.id, prompt, { output: { kind: 'json', schema, strict: true } }), {
        facts,
        aspects: ASPECTS,
      });
      const says = (c.json as { correct?: boolean } | undefined)?.correct;
      if (says === (proposed === facts[0]!.answers.risk)) right++;
    }
    // A third of proposals are right; of the wrong two thirds, the model misreads the clause with
    // probability 1 − p, as one of the two wrong values: then it is partly blind to the mistake.
    const p = answerAccuracy(spec, { k: 1 });
    const blind = (2 / 3) * (1 - p) * (1 / 2) * SIM_RULES.sharedMisreadingBlindness;
    const expected = verificationAccuracy(p) * (1 - blind);
    expect(Math.abs(right / n - expected)).toBeLessThan(0.02);
  });

  it('gets a sum of n numbers right with probability 0.98^n', () => {
    const spec = SIM_MODELS[1]!;
    let right = 0;
    const n = 5_000;
    for (let i = 0; i < n; i++) {
      const numbers = Array.from({ length: 10 }, (_, j) => ((i * 31 + j * 17) % 97) + 1);
      const prompt = `What is the total of these numbers: ${numbers.join(', ')}?`;
      const schema = { type: 'object', properties: { total: { type: 'number' } } };
      const c = completeSync(
        spec,
        ask(spec.id, prompt, { output: { kind: 'json', schema, strict: true } }),
        {},
      );
      if ((c.json as { total?: number } | undefined)?.total === numbers.reduce((a, b) => a + b, 0)) right++;
    }
    expect(Math.abs(right / n - arithmeticAccuracy(10))).toBeLessThan(0.02);
  });
});

describe('sim physics: feedback and lists', () => {
  const spec = SIM_MODELS[0]!;
  const BOTH = {
    type: 'object',
    required: ['risk', 'type'],
    properties: { risk: { type: 'string' }, type: { type: 'string' } },
  };
  const task = (i: number, text: string) =>
    `Request ${i}. Rate the risk (low, medium or high) and the type (indemnity, termination, payment or boilerplate) of this clause.\n${text}`;

  /** Share of 10,000 calls whose `aspect` is right, each prompt built by `feedback` after the task. */
  function rate(aspect: 'risk' | 'type', feedback: (fact: FactUnit) => string): number {
    let right = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const facts = makeFacts(3, i + 7);
      const fact = facts[i % facts.length]!;
      const prompt = `${task(i, fact.text)}${feedback(fact)}`;
      const c = completeSync(
        spec,
        ask(spec.id, prompt, { output: { kind: 'json', schema: BOTH, strict: true } }),
        {
          facts,
          aspects: ASPECTS,
        },
      );
      if ((c.json as Record<string, unknown> | undefined)?.[aspect] === fact.answers[aspect]) right++;
    }
    return right / n;
  }

  it('answers a field the feedback does not blame right with p, as without feedback (±2 points over 10,000 draws)', () => {
    const expected = answerAccuracy(spec, { k: 1, statedShare: 1 });
    const blamed = rate('type', (f) => {
      const wrongRisk = f.answers.risk === 'high' ? 'low' : 'high';
      return `\n\nYour answer ${JSON.stringify({ risk: wrongRisk, type: f.answers.type })} failed: the risk is wrong.`;
    });
    expect(Math.abs(blamed - expected)).toBeLessThan(0.02);
    expect(Math.abs(rate('type', () => '') - expected)).toBeLessThan(0.02);
  });

  it('leaves accuracy at p after a complaint about the JSON format (±2 points over 10,000 draws)', () => {
    const expected = answerAccuracy(spec, { k: 1, statedShare: 1 });
    const observed = rate(
      'risk',
      (f) =>
        `\n\nYour previous answer was rejected (invalid_output): the answer is not JSON: ${JSON.stringify(f.answers)} Let me know. Answer again and fix this.`,
    );
    expect(Math.abs(observed - expected)).toBeLessThan(0.02);
  });

  it('renormalises the rest after the reason names a wrong value: p / (p + (1 − p) × L / W)', () => {
    const p = answerAccuracy(spec, { k: 1, statedShare: 1 });
    const expected = accuracyAfterExclusion(p, 1, 2);
    const observed = rate('risk', (f) => {
      const wrongRisk = ['low', 'medium', 'high'].find((v) => v !== f.answers.risk)!;
      return `\n\nYour answer ${JSON.stringify({ risk: wrongRisk, type: f.answers.type })} failed: the risk is wrong.`;
    });
    expect(Math.abs(observed - expected)).toBeLessThan(0.02);
  });

  for (const model of ['sim-mini', 'sim-pro']) {
    it(`${model} answers a list aspect exactly right with p (±2 points over 10,000 draws)`, () => {
      const listSpec = getSimModel(model)!;
      const schema = {
        type: 'object',
        properties: { citations: { type: 'array', items: { type: 'string' } } },
      };
      let right = 0;
      const n = 10_000;
      for (let i = 0; i < n; i++) {
        const listFacts = makeListFacts(8, i + 1);
        const fact = listFacts[i % listFacts.length]!;
        const c = completeSync(
          listSpec,
          ask(model, `Request ${i}. Which documents does this clause cite?\n${fact.text}`, {
            output: { kind: 'json', schema, strict: true },
          }),
          { facts: listFacts, aspects: LIST_ASPECTS },
        );
        const said = (c.json as { citations?: unknown } | undefined)?.citations;
        if (JSON.stringify(said) === JSON.stringify(fact.answers.citations)) right++;
      }
      expect(Math.abs(right / n - answerAccuracy(listSpec, { k: 1 }))).toBeLessThan(0.02);
    });
  }
});

describe('sim physics: JSON format', () => {
  function failureRate(model: string, strict: boolean, n: number): number {
    const facts = makeFacts(1);
    const schema = { type: 'object', required: ['risk'], properties: { risk: { type: 'string' } } };
    let failures = 0;
    for (let i = 0; i < n; i++) {
      const c = completeSync(
        getSimModel(model)!,
        ask(model, `#${i} Rate the risk:\n${facts[0]!.text}`, { output: { kind: 'json', schema, strict } }),
        {
          facts,
          aspects: ASPECTS,
        },
      );
      const json = c.json as Record<string, unknown> | undefined;
      if (!json || !('risk' in json)) failures++;
    }
    return failures / n;
  }

  for (const spec of SIM_MODELS.slice(0, 2)) {
    it(`${spec.id} breaks JSON at the published rate (${Math.round((1 - spec.jsonOk) * 1000) / 10} %) over 10,000 calls`, () => {
      expect(Math.abs(failureRate(spec.id, false, 10_000) - (1 - spec.jsonOk))).toBeLessThan(0.01);
    });
  }

  it('strict mode lifts the JSON ok rate to 99.9 % and bills 20 % more output tokens', () => {
    expect(failureRate('sim-mini', true, 5_000)).toBeLessThan(0.004);
    const facts = makeFacts(1);
    const schema = { type: 'object', properties: { risk: { type: 'string' } } };
    const c = completeSync(
      getSimModel('sim-mini')!,
      ask('sim-mini', `Rate the risk:\n${facts[0]!.text}`, {
        output: { kind: 'json', schema, strict: true },
      }),
      {
        facts,
        aspects: ASPECTS,
      },
    );
    expect(JSON.parse(c.text)).toEqual(c.json);
    expect(c.usage.output_tokens).toBe(
      Math.round(countTextTokens(c.text) * (1 + SIM_RULES.strictOutputOverhead)),
    );
  });
});
