import { accuracyAfterExclusion, answerAccuracy, positionFactor, verificationAccuracy } from './accuracy.js';
import { getSimModel, SIM_RULES } from './sim-models.js';
import { completeSync } from './sim-provider.js';
import { evidenceStudy, positionStudy, verificationStudy, voteStudy } from './study/rule-study.js';
import { CLAUSE_ASPECTS, clauseCase } from './study/synthetic-task.js';

// Property tests of sim v2's rules (docs/sim.md, rules 3–6), each over many fresh cases.

describe('sim v2: evidence', () => {
  it('answers with p when the evidence is in the prompt and at chance without it (±2 points over 10,000 draws)', () => {
    const result = evidenceStudy('sim-mini', 10_000);
    const p = answerAccuracy(getSimModel('sim-mini')!, { k: 1, statedShare: 1 });
    expect(Math.abs(result.withEvidence / 100 - p)).toBeLessThan(0.02);
    expect(Math.abs(result.withoutEvidence / 100 - 1 / 3)).toBeLessThan(0.02);
  });
});

describe('sim v2: correlated errors', () => {
  it('gives the same answer at temperature 0 whatever the wording, for the same evidence', () => {
    const spec = getSimModel('sim-mini')!;
    const schema = { type: 'object', required: ['risk'], properties: { risk: { type: 'string' } } };
    const wordings = [
      (t: string) => `Rate the risk of this clause: low, medium or high.\n\n"${t}"`,
      (t: string) => `How risky is the following? (low / medium / high)\n${t}\nThanks!`,
      (t: string) => `Clause under review:\n${t}\n\nGive its risk level.`,
    ];
    let differ = 0;
    let wrong = 0;
    for (let i = 0; i < 500; i++) {
      const { facts } = clauseCase(`wording-${i}`, 1);
      const said = wordings.map(
        (w) =>
          (
            completeSync(
              spec,
              {
                model: spec.id,
                messages: [{ role: 'user', content: w(facts[0]!.text) }],
                output: { kind: 'json', schema, strict: true },
              },
              { facts, aspects: CLAUSE_ASPECTS },
            ).json as { risk?: string } | undefined
          )?.risk,
      );
      if (new Set(said.filter((s) => s !== undefined)).size > 1) differ++;
      if (said[0] !== facts[0]!.answers.risk) wrong++;
    }
    // Stating the values raises p a little for the first wording only: a few answers turn right.
    expect(wrong).toBeGreaterThan(40);
    expect(differ).toBeLessThan(25);
  });

  it('gains nothing from a vote at temperature 0 and 10–18 points from 40 samples at 0.7, more with more samples', () => {
    const votes = voteStudy('sim-mini', 800, [0, 0.7], [1, 5, 40]);
    const at = (t: number, n: number) => votes.find((v) => v.temperature === t && v.samples === n)!;
    expect(at(0, 40).gain).toBe(0);
    expect(at(0.7, 40).gain).toBeGreaterThanOrEqual(10);
    expect(at(0.7, 40).gain).toBeLessThanOrEqual(18);
    expect(at(0.7, 40).gain).toBeGreaterThan(at(0.7, 5).gain);
    // One sample at 0.7 is right a little less often than at 0 (−4 % × T), within noise.
    const p = answerAccuracy(getSimModel('sim-mini')!, { k: 1, statedShare: 1, temperature: 0.7 });
    expect(Math.abs(at(0.7, 1).accuracy / 100 - p)).toBeLessThan(0.03);
  });

  it('makes a verifier of the same model catch fewer of its misreadings than one of another tier (6,000 draws)', () => {
    const same = verificationStudy('sim-mini', 'sim-mini', 6000);
    const cross = verificationStudy('sim-mini', 'sim-standard', 6000);
    // Every wrong proposal at temperature 0 is the proposer's misreading: the same model is partly blind.
    const p = answerAccuracy(getSimModel('sim-mini')!, { k: 1, statedShare: 1 });
    const expectedSame = verificationAccuracy(p) * (1 - SIM_RULES.sharedMisreadingBlindness);
    expect(Math.abs(same.caught / 100 - expectedSame)).toBeLessThan(0.03);
    expect(cross.caught - same.caught).toBeGreaterThan(30);
  });
});

describe('sim v2: position', () => {
  it('answers the middle of 20 clauses about 20 points worse than the ends, as the formula says', () => {
    const study = positionStudy('sim-pro', 20, 1200);
    const p = answerAccuracy(getSimModel('sim-pro')!, { k: 20, statedShare: 1 });
    const ends = (study.byPosition[0]! + study.byPosition[19]!) / 2;
    const middle = (study.byPosition[9]! + study.byPosition[10]!) / 2;
    expect(ends - middle).toBeGreaterThan(14);
    expect(ends - middle).toBeLessThan(26);
    // Clause 10 of 20 starts about 45 % into the prompt.
    expect(Math.abs(study.byPosition[9]! / 100 - p * positionFactor(9 / 20, 20))).toBeLessThan(0.04);
  });

  it('leaves a prompt with one unit alone', () => {
    expect(positionFactor(0.5, 1)).toBe(1);
    expect(positionFactor(0, 20)).toBe(1);
    expect(positionFactor(0.5, 20)).toBeCloseTo(1 - SIM_RULES.positionMax, 10);
  });
});

describe('sim v2: feedback on an open aspect', () => {
  it('makes the right number likelier once the misreading is ruled out: p / (p + (1 − p) / 2) of the draws (±5 points over 4,000)', () => {
    const spec = getSimModel('sim-mini')!;
    const aspects = [
      { name: 'sum', type: 'number' as const, synonyms: ['total'], keywords: ['sum', 'total'] },
    ];
    const schema = { type: 'object', required: ['sum'], properties: { sum: { type: 'integer' } } };
    let first = 0;
    let fixed = 0;
    let wrongAtFirst = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const a = 10 + (i % 37);
      const b = 20 + ((i * 7) % 41);
      const question = `Case ${i + 1}: what is ${a} + ${b}?`;
      const facts = [{ id: 'total', text: question, answers: { sum: a + b } }];
      const ask = (content: string) =>
        (
          completeSync(
            spec,
            {
              model: spec.id,
              messages: [{ role: 'user', content }],
              output: { kind: 'json', schema, strict: true },
            },
            { facts, aspects },
          ).json as { sum?: number } | undefined
        )?.sum;
      const said = ask(`${question} Reply with the total as JSON.`);
      if (said === a + b) {
        first++;
        continue;
      }
      wrongAtFirst++;
      if (
        ask(
          `${question} Reply with the total as JSON. The total ${said} is wrong; add the numbers again.`,
        ) ===
        a + b
      )
        fixed++;
    }
    const p = first / n;
    const after = accuracyAfterExclusion(p, 1, 2);
    expect(Math.abs(fixed / wrongAtFirst - (after - p) / (1 - p))).toBeLessThan(0.05);
  });
});
