import type { Aspect, FactUnit } from '@reps/shared';
import type { Completion, CompletionRequest, ModelProvider } from '../../types.js';
import { SIM_MODELS, type SimModelId } from '../sim-models.js';
import { createSimProvider } from '../sim-provider.js';
import {
  ALL_SCHEMA,
  AMOUNT_ASPECTS,
  CLAUSE_ASPECTS,
  clauseCase,
  invoiceCase,
  RISK_SCHEMA,
  user,
  VERDICT_SCHEMA,
} from './synthetic-task.js';

/**
 * The calibration study (docs/sim.md): on a synthetic 40-clause task, what each orchestration
 * tactic buys in accuracy and what it costs. It drives the provider directly, doing by hand what
 * a pipeline's steps would do (split, map, retry with feedback, validate, vote, code).
 */
export interface TacticResult {
  tactic: string;
  model: SimModelId;
  /** Share of (case, unit) answers right, in %. */
  accuracy: number;
  /** Mean cost per case in USD. */
  costPerCase: number;
  callsPerCase: number;
  tokensPerCase: number;
  /** Mean critical-path latency per case in ms, calls for different units running in parallel. */
  latencyMs: number;
}

export interface StudyOptions {
  cases?: number;
  units?: number;
}

/** One case's bookkeeping: calls, tokens, cost, and per-unit chains of virtual time. */
class Ledger {
  calls = 0;
  tokens = 0;
  cost = 0;
  constructor(
    private readonly provider: ModelProvider,
    private readonly facts: FactUnit[],
    private readonly aspects: Aspect[],
  ) {}

  async call(request: CompletionRequest): Promise<Completion> {
    const completion = await this.provider.complete(request, { facts: this.facts, aspects: this.aspects });
    this.calls++;
    this.tokens += completion.usage.input_tokens + completion.usage.output_tokens;
    this.cost += completion.cost_usd;
    return completion;
  }

  /** A JSON call retried with the error as feedback, as `retry: { on: [invalid_output], feedback: true }` does. */
  async json(
    request: CompletionRequest,
    required: string[],
    attempts = 3,
  ): Promise<{ value?: Record<string, unknown>; ms: number }> {
    let messages = request.messages;
    let ms = 0;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const completion = await this.call({ ...request, messages });
      ms += completion.latency_ms;
      const value = completion.json as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && required.every((k) => k in value)) return { value, ms };
      messages = [
        ...request.messages,
        { role: 'assistant', content: completion.text },
        {
          role: 'user',
          content: 'Your output was not valid JSON matching the schema. Reply with the JSON only.',
        },
      ];
    }
    return { ms };
  }
}

function ratePrompt(text: string): string {
  return `Rate the risk of this clause: low, medium or high.\n\n"${text}"`;
}

type Tactic = (
  ledger: Ledger,
  facts: FactUnit[],
  document: string,
  model: SimModelId,
) => Promise<{ answers: unknown[]; ms: number }>;

const naive: Tactic = async (ledger, facts, document, model) => {
  const prompt = `For each numbered clause below, rate its risk: low, medium or high. Answer in JSON.\n\n${document}`;
  const completion = await ledger.call({
    model,
    messages: user(prompt),
    output: { kind: 'json', schema: ALL_SCHEMA },
  });
  // A naive pipeline takes what it gets: no retry; a broken answer leaves clauses unanswered.
  const list =
    (completion.json as { clauses?: Array<{ n?: number; risk?: string }> } | undefined)?.clauses ?? [];
  const byN = new Map(list.map((c) => [c.n, c.risk]));
  return { answers: facts.map((_, i) => byN.get(i + 1)), ms: completion.latency_ms };
};

async function perUnitAnswer(
  ledger: Ledger,
  text: string,
  model: SimModelId,
  temperature = 0,
  sampleIndex = 0,
) {
  const request: CompletionRequest = {
    model,
    messages: user(ratePrompt(text)),
    temperature,
    sampleIndex,
    output: { kind: 'json', schema: RISK_SCHEMA },
  };
  const { value, ms } = await ledger.json(request, ['risk']);
  return { risk: value?.risk as string | undefined, ms, request };
}

const perUnit: Tactic = async (ledger, facts, _document, model) => {
  const results = await Promise.all(facts.map((f) => perUnitAnswer(ledger, f.text, model)));
  return { answers: results.map((r) => r.risk), ms: Math.max(...results.map((r) => r.ms)) };
};

/**
 * Answer, ask a verifier (the same model, or another tier), and on "incorrect" answer again with the
 * rejection as feedback (2 rounds).
 */
const perUnitVerified =
  (verifier?: SimModelId): Tactic =>
  async (ledger, facts, _document, model) => {
    const results = await Promise.all(
      facts.map(async (f) => {
        const first = await perUnitAnswer(ledger, f.text, model);
        let risk = first.risk;
        let ms = first.ms;
        const rejected: string[] = [];
        for (let round = 0; round < 2 && risk !== undefined; round++) {
          const check = await ledger.json(
            {
              model: verifier ?? model,
              messages: user(
                `Check whether the proposed answer is correct. The risk must be low, medium or high.\n\nClause: "${f.text}"\n\nProposed answer: {"risk": "${risk}"}`,
              ),
              output: { kind: 'json', schema: VERDICT_SCHEMA },
            },
            ['correct'],
          );
          ms += check.ms;
          if (check.value?.correct !== false) break;
          rejected.push(risk);
          const feedback = rejected.map((r) => `Your answer {"risk": "${r}"} was wrong.`).join(' ');
          const redo = await ledger.json(
            {
              model,
              messages: user(`${ratePrompt(f.text)}\n\n${feedback} Answer again.`),
              output: { kind: 'json', schema: RISK_SCHEMA },
            },
            ['risk'],
          );
          ms += redo.ms;
          risk = (redo.value?.risk as string | undefined) ?? risk;
        }
        return { risk, ms };
      }),
    );
    return { answers: results.map((r) => r.risk), ms: Math.max(...results.map((r) => r.ms)) };
  };

/** Five samples at temperature 0.7 per clause, majority vote. */
const perUnitVote: Tactic = async (ledger, facts, _document, model) => {
  const results = await Promise.all(
    facts.map(async (f) => {
      const samples = await Promise.all(
        [0, 1, 2, 3, 4].map((i) => perUnitAnswer(ledger, f.text, model, 0.7, i)),
      );
      return { risk: majority(samples.map((s) => s.risk)), ms: Math.max(...samples.map((s) => s.ms)) };
    }),
  );
  return { answers: results.map((r) => r.risk), ms: Math.max(...results.map((r) => r.ms)) };
};

function majority(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

const TACTICS: Array<[string, Tactic, SimModelId[]]> = [
  ['a. naive: one prompt, all 40 clauses', naive, ['sim-mini', 'sim-standard', 'sim-pro']],
  ['b. one call per clause', perUnit, ['sim-mini', 'sim-standard']],
  ['c. per clause + verify (same model) and correct', perUnitVerified(), ['sim-mini']],
  ['c2. per clause + verify with sim-standard and correct', perUnitVerified('sim-standard'), ['sim-mini']],
  ['d. per clause, T=0.7, 5 samples, vote', perUnitVote, ['sim-mini']],
];

export async function runStudy(options: StudyOptions = {}): Promise<TacticResult[]> {
  const cases = options.cases ?? 40;
  const units = options.units ?? 40;
  const provider = createSimProvider();
  const results: TacticResult[] = [];
  for (const [tactic, run, models] of TACTICS) {
    for (const model of models) results.push(await measure(provider, tactic, run, model, cases, units));
  }
  results.push(...(await arithmeticStudy(provider, cases * 5, units)));
  return results;
}

async function measure(
  provider: ModelProvider,
  tactic: string,
  run: Tactic,
  model: SimModelId,
  cases: number,
  units: number,
) {
  let right = 0;
  const totals = { cost: 0, calls: 0, tokens: 0, ms: 0 };
  for (let c = 0; c < cases; c++) {
    const { facts, document } = clauseCase(`study-${c}`, units);
    const ledger = new Ledger(provider, facts, CLAUSE_ASPECTS);
    const { answers, ms } = await run(ledger, facts, document, model);
    right += answers.filter((a, i) => a === facts[i]!.answers.risk).length;
    add(totals, ledger, ms);
  }
  return summarise(tactic, model, (100 * right) / (cases * units), totals, cases);
}

/** e. The invoice total of 40 lines: asked of the model, versus computed by a code step. */
async function arithmeticStudy(
  provider: ModelProvider,
  cases: number,
  units: number,
): Promise<TacticResult[]> {
  const out: TacticResult[] = [];
  for (const model of ['sim-mini', 'sim-pro'] as const) {
    let right = 0;
    const totals = { cost: 0, calls: 0, tokens: 0, ms: 0 };
    for (let c = 0; c < cases; c++) {
      const invoice = invoiceCase(`study-${c}`, units);
      const ledger = new Ledger(provider, invoice.facts, AMOUNT_ASPECTS);
      const prompt = `What is the total amount of this invoice? Answer in JSON.\n\n${invoice.document}`;
      const schema = { type: 'object', required: ['total'], properties: { total: { type: 'number' } } };
      const { value, ms } = await ledger.json(
        { model, messages: user(prompt), output: { kind: 'json', schema } },
        ['total'],
      );
      if (value?.total === invoice.total) right++;
      add(totals, ledger, ms);
    }
    out.push(
      summarise('e. invoice total (40 lines) by the model', model, (100 * right) / cases, totals, cases),
    );
  }
  let right = 0;
  for (let c = 0; c < cases; c++) {
    const invoice = invoiceCase(`study-${c}`, units);
    const cents = [...invoice.document.matchAll(/amount EUR ([\d.]+)/g)].reduce(
      (s, m) => s + Math.round(Number(m[1]) * 100),
      0,
    );
    if (cents / 100 === invoice.total) right++;
  }
  out.push({
    tactic: 'e. invoice total by a code step',
    model: 'sim-mini',
    accuracy: (100 * right) / cases,
    costPerCase: 0,
    callsPerCase: 0,
    tokensPerCase: 0,
    latencyMs: 0,
  });
  return out;
}

function add(
  totals: { cost: number; calls: number; tokens: number; ms: number },
  ledger: Ledger,
  ms: number,
) {
  totals.cost += ledger.cost;
  totals.calls += ledger.calls;
  totals.tokens += ledger.tokens;
  totals.ms += ms;
}

function summarise(
  tactic: string,
  model: SimModelId,
  accuracy: number,
  totals: { cost: number; calls: number; tokens: number; ms: number },
  cases: number,
): TacticResult {
  return {
    tactic,
    model,
    accuracy: Math.round(accuracy * 10) / 10,
    costPerCase: Math.round((totals.cost / cases) * 1e6) / 1e6,
    callsPerCase: Math.round((totals.calls / cases) * 10) / 10,
    tokensPerCase: Math.round(totals.tokens / cases),
    latencyMs: Math.round(totals.ms / cases),
  };
}

export function studyMarkdown(results: readonly TacticResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.tactic} | ${r.model} | ${r.accuracy.toFixed(1)} % | $${r.costPerCase.toFixed(6)} | ${r.callsPerCase} | ${r.tokensPerCase} | ${r.latencyMs} ms |`,
  );
  return [
    '| tactic | model | correct | cost per case | calls per case | tokens per case | latency per case |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export { SIM_MODELS };
