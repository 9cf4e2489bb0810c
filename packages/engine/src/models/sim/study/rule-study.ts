import type { FactUnit } from '@reps/shared';
import type { CompletionRequest } from '../../types.js';
import { getSimModel, type SimModelId } from '../sim-models.js';
import { completeSync } from '../sim-provider.js';
import {
  ALL_SCHEMA,
  CLAUSE_ASPECTS,
  clauseCase,
  RISK_SCHEMA,
  user,
  VERDICT_SCHEMA,
} from './synthetic-task.js';

/**
 * One measurement per rule of sim v2 (docs/sim.md): what evidence is worth, what voting gains by
 * temperature and sample count, the position curve, and same-model against cross-tier
 * verification. Every draw is about a fresh synthetic clause, so each is independent of the others
 * (a model's answer is a latent draw per case, unit and aspect). Synchronous and deterministic.
 */

function call(model: SimModelId, request: Omit<CompletionRequest, 'model'>, facts: FactUnit[]) {
  return completeSync(getSimModel(model)!, { model, ...request }, { facts, aspects: CLAUSE_ASPECTS });
}

function riskOf(json: unknown): string | undefined {
  return (json as { risk?: string } | undefined)?.risk;
}

/** A clause whose risk rests on a rule of the firm's policy (its evidence). */
export function evidenceCase(seed: string): { clause: FactUnit; rule: string; facts: FactUnit[] } {
  const { facts } = clauseCase(seed, 1);
  const clause = facts[0]!;
  const risk = clause.answers.risk as string;
  const rule = `Playbook rule ${seed}: obligations drafted like the clause quoted by counsel for matter ${seed} are treated as ${risk} exposure by the review board.`;
  const withEvidence: FactUnit = { ...clause, evidence: { risk: [rule] } };
  return { clause: withEvidence, rule, facts: [withEvidence] };
}

export interface EvidenceResult {
  model: SimModelId;
  withEvidence: number;
  withoutEvidence: number;
  /** Right by guessing among the three values. */
  chance: number;
}

/** Accuracy per clause with the policy rule in the prompt and without it. */
export function evidenceStudy(model: SimModelId, draws: number): EvidenceResult {
  let withRight = 0;
  let withoutRight = 0;
  for (let i = 0; i < draws; i++) {
    const { clause, rule, facts } = evidenceCase(`ev-${i}`);
    const ask = `Rate the risk of this clause: low, medium or high.\n\n"${clause.text}"`;
    const output = { kind: 'json' as const, schema: RISK_SCHEMA, strict: true };
    const truth = clause.answers.risk;
    if (riskOf(call(model, { messages: user(`${ask}\n\nPolicy: ${rule}`), output }, facts).json) === truth)
      withRight++;
    if (riskOf(call(model, { messages: user(ask), output }, facts).json) === truth) withoutRight++;
  }
  return {
    model,
    withEvidence: pct(withRight, draws),
    withoutEvidence: pct(withoutRight, draws),
    chance: pct(1, 3),
  };
}

export interface VoteResult {
  model: SimModelId;
  temperature: number;
  samples: number;
  accuracy: number;
  /** Points over one sample at the same temperature. */
  gain: number;
}

/** Plurality votes of 1, 5, 15 and 40 samples per clause at each temperature. */
export function voteStudy(
  model: SimModelId,
  draws: number,
  temperatures: readonly number[] = [0, 0.3, 0.7, 1],
  sampleCounts: readonly number[] = [1, 5, 15, 40],
): VoteResult[] {
  const out: VoteResult[] = [];
  const most = Math.max(...sampleCounts);
  for (const temperature of temperatures) {
    const right = new Map<number, number>(sampleCounts.map((n) => [n, 0]));
    for (let i = 0; i < draws; i++) {
      const { facts } = clauseCase(`vote-${i}`, 1);
      const text = facts[0]!.text;
      const said: Array<string | undefined> = [];
      for (let s = 0; s < most; s++) {
        const completion = call(
          model,
          {
            messages: user(`Rate the risk of this clause: low, medium or high.\n\n"${text}"`),
            temperature,
            sampleIndex: s,
            output: { kind: 'json', schema: RISK_SCHEMA, strict: true },
          },
          facts,
        );
        said.push(riskOf(completion.json));
      }
      for (const n of sampleCounts)
        if (plurality(said.slice(0, n)) === facts[0]!.answers.risk) right.set(n, right.get(n)! + 1);
    }
    const single = pct(right.get(sampleCounts[0]!)!, draws);
    for (const n of sampleCounts) {
      const accuracy = pct(right.get(n)!, draws);
      out.push({ model, temperature, samples: n, accuracy, gain: round1(accuracy - single) });
    }
  }
  return out;
}

export function plurality(values: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

export interface PositionResult {
  model: SimModelId;
  items: number;
  /** Accuracy by the clause's place in the prompt (1-based), in %. */
  byPosition: number[];
}

/** One prompt of `items` numbered clauses: accuracy by where a clause sits. */
export function positionStudy(model: SimModelId, items: number, draws: number): PositionResult {
  const right = new Array<number>(items).fill(0);
  const seen = new Array<number>(items).fill(0);
  for (let i = 0; i < draws; i++) {
    const { facts, document } = clauseCase(`position-${i}`, items);
    const completion = call(
      model,
      {
        messages: user(`For each numbered clause below, rate its risk: low, medium or high.\n\n${document}`),
        output: { kind: 'json', schema: ALL_SCHEMA, strict: true },
      },
      facts,
    );
    const list = (completion.json as { clauses?: Array<{ n?: number; risk?: string }> } | undefined)?.clauses;
    for (const entry of list ?? []) {
      const at = (entry.n ?? 0) - 1;
      if (at < 0 || at >= items || entry.risk === undefined) continue;
      seen[at]!++;
      if (entry.risk === facts[at]!.answers.risk) right[at]!++;
    }
  }
  return { model, items, byPosition: right.map((r, i) => pct(r, seen[i] || 1)) };
}

export interface VerificationResult {
  proposer: SimModelId;
  verifier: SimModelId;
  /** Share of wrong proposals the verifier calls incorrect, in %. */
  caught: number;
  /** Share of right proposals it calls correct, in %. */
  kept: number;
}

/** The proposer answers each clause at temperature 0; the verifier checks the proposal. */
export function verificationStudy(
  proposer: SimModelId,
  verifier: SimModelId,
  draws: number,
): VerificationResult {
  let wrong = 0;
  let caught = 0;
  let rightProposals = 0;
  let kept = 0;
  for (let i = 0; i < draws; i++) {
    const { facts } = clauseCase(`verify-${i}`, 1);
    const text = facts[0]!.text;
    const proposal = riskOf(
      call(
        proposer,
        {
          messages: user(`Rate the risk of this clause: low, medium or high.\n\n"${text}"`),
          output: { kind: 'json', schema: RISK_SCHEMA, strict: true },
        },
        facts,
      ).json,
    );
    if (proposal === undefined) continue;
    const verdict = (
      call(
        verifier,
        {
          messages: user(
            `Check whether the proposed answer is correct. The risk must be low, medium or high.\n\nClause: "${text}"\n\nProposed answer: {"risk": "${proposal}"}`,
          ),
          output: { kind: 'json', schema: VERDICT_SCHEMA, strict: true },
        },
        facts,
      ).json as { correct?: boolean } | undefined
    )?.correct;
    if (proposal === facts[0]!.answers.risk) {
      rightProposals++;
      if (verdict === true) kept++;
    } else {
      wrong++;
      if (verdict === false) caught++;
    }
  }
  return { proposer, verifier, caught: pct(caught, wrong), kept: pct(kept, rightProposals) };
}

function pct(part: number, whole: number): number {
  return round1((100 * part) / Math.max(1, whole));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export interface RuleStudy {
  evidence: EvidenceResult[];
  votes: VoteResult[];
  position: PositionResult;
  verification: VerificationResult[];
}

/** Every rule's measurement, with draws per cell (the property tests use 10,000 where it is cheap). */
export function runRuleStudy(draws = 2000): RuleStudy {
  return {
    evidence: (['sim-mini', 'sim-standard', 'sim-pro'] as const).map((m) => evidenceStudy(m, draws)),
    votes: voteStudy('sim-mini', Math.max(100, Math.round(draws / 4))),
    position: positionStudy('sim-pro', 20, Math.max(100, Math.round(draws / 4))),
    verification: [
      verificationStudy('sim-mini', 'sim-mini', draws),
      verificationStudy('sim-mini', 'sim-standard', draws),
      verificationStudy('sim-mini', 'sim-pro', draws),
    ],
  };
}

export function ruleStudyMarkdown(study: RuleStudy): string {
  const out: string[] = [];
  out.push('**Evidence**: one clause per call; its risk rests on a playbook rule (the evidence).', '');
  out.push('| model | with the rule in the prompt | without it | chance (3 values) |', '|---|---|---|---|');
  for (const e of study.evidence)
    out.push(
      `| ${e.model} | ${e.withEvidence.toFixed(1)} % | ${e.withoutEvidence.toFixed(1)} % | ${e.chance.toFixed(1)} % |`,
    );
  const temperatures = [...new Set(study.votes.map((v) => v.temperature))];
  const counts = [...new Set(study.votes.map((v) => v.samples))];
  out.push(
    '',
    '**Voting** (sim-mini, one clause per call, plurality of n samples; accuracy and gain over one sample):',
    '',
  );
  out.push(`| temperature | ${counts.map((n) => `${n} sample${n === 1 ? '' : 's'}`).join(' | ')} |`);
  out.push(`|---|${counts.map(() => '---').join('|')}|`);
  for (const t of temperatures) {
    const cells = counts.map((n) => {
      const v = study.votes.find((x) => x.temperature === t && x.samples === n)!;
      return n === counts[0]
        ? `${v.accuracy.toFixed(1)} %`
        : `${v.accuracy.toFixed(1)} % (+${v.gain.toFixed(1)})`;
    });
    out.push(`| ${t} | ${cells.join(' | ')} |`);
  }
  const p = study.position;
  out.push(
    '',
    `**Position** (${p.model}, ${p.items} numbered clauses in one prompt; accuracy by place):`,
    '',
  );
  out.push(
    `| ${p.byPosition.map((_, i) => `${i + 1}`).join(' | ')} |`,
    `|${p.byPosition.map(() => '---').join('|')}|`,
  );
  out.push(`| ${p.byPosition.map((a) => a.toFixed(0)).join(' | ')} |`);
  out.push(
    '',
    '**Verification** (sim-mini proposes at temperature 0; the verifier checks the proposal):',
    '',
  );
  out.push('| verifier | wrong proposals caught | right proposals kept |', '|---|---|---|');
  for (const v of study.verification)
    out.push(
      `| ${v.verifier}${v.verifier === v.proposer ? ' (same model)' : ''} | ${v.caught.toFixed(1)} % | ${v.kept.toFixed(1)} % |`,
    );
  return out.join('\n');
}
