import type { FactUnit } from '@reps/shared';
import type { ChatMessage, Completion, CompletionRequest, ToolSpec } from '../../types.js';
import { getSimModel, type SimModelId } from '../sim-models.js';
import { completeSync } from '../sim-provider.js';
import {
  DECISION_ASPECTS,
  DECISION_SCHEMA,
  distractorTools,
  runSupportTool,
  supportTools,
  type ToolCase,
  toolCase,
} from './tool-task.js';

/**
 * The tool-use study (docs/sim.md, "Tool use"): on a synthetic order-support task, an agent (a
 * model with tools, turn after turn) against a fixed pipeline (code fetches the order and the
 * clause, one model call decides), and what the tools' descriptions, their number and max_turns do
 * to an agent. It drives the simulated provider directly, with the loop an agent step runs: the
 * model's calls are run, their results (JSON, or "Error: …") appended, until it answers or runs
 * out of turns (agent_max_turns: no answer). Synchronous and deterministic.
 */
export interface AgentStudyResult {
  setup: string;
  model: SimModelId;
  /** Share of messages decided right, in %. */
  accuracy: number;
  costPerCase: number;
  callsPerCase: number;
  tokensPerCase: number;
  /** Critical path per case, messages handled in parallel. */
  latencyMs: number;
  /** Share of messages left without an answer (out of turns, or a failure), in %. */
  unanswered: number;
}

const SYSTEM = 'You are a support agent for an online shop.';
const TASK =
  'Decide how to resolve this customer message: refund, replacement, store_credit, deny or escalate. ' +
  'Look up the order and the policy clause it falls under before you decide.';

interface Meter {
  calls: number;
  tokens: number;
  cost: number;
}

function callModel(
  model: SimModelId,
  request: Omit<CompletionRequest, 'model'>,
  facts: FactUnit[],
  meter: Meter,
): Completion {
  const completion = completeSync(
    getSimModel(model)!,
    { model, ...request },
    { facts, aspects: DECISION_ASPECTS },
  );
  meter.calls++;
  meter.tokens += completion.usage.input_tokens + completion.usage.output_tokens;
  meter.cost += completion.cost_usd;
  return completion;
}

export interface AgentOutcome {
  decision?: string;
  turns: number;
  ms: number;
  outOfTurns: boolean;
  messages: ChatMessage[];
}

/** One agent on one message: the agent step's loop, in miniature. */
export function runAgent(
  model: SimModelId,
  c: ToolCase,
  unit: FactUnit,
  tools: ToolSpec[],
  maxTurns: number,
  meter: Meter = { calls: 0, tokens: 0, cost: 0 },
): AgentOutcome {
  const messages: ChatMessage[] = [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `${TASK}\n\n${unit.text}` },
  ];
  let ms = 0;
  for (let turn = 1; turn <= maxTurns; turn++) {
    const completion = callModel(
      model,
      {
        messages,
        tools,
        toolChoice: 'auto',
        output: { kind: 'json', schema: DECISION_SCHEMA, strict: true },
      },
      c.facts,
      meter,
    );
    ms += completion.latency_ms;
    const calls = completion.toolCalls ?? [];
    if (calls.length === 0) {
      const decision = (completion.json as { decision?: string } | undefined)?.decision;
      return { decision, turns: turn, ms, outOfTurns: false, messages };
    }
    messages.push({ role: 'assistant', content: completion.text, tool_calls: calls });
    for (const call of calls) {
      let content: string;
      try {
        content = JSON.stringify(runSupportTool(c, call.name, call.arguments) ?? null);
      } catch (error) {
        content = `Error: ${(error as Error).message}`;
      }
      messages.push({ role: 'tool', tool_call_id: call.id, name: call.name, content });
    }
  }
  return { turns: maxTurns, ms, outOfTurns: true, messages };
}

/** The fixed pipeline: code finds the order (by id, else by email) and the clause (by topic); one call decides. */
function runFixed(
  model: SimModelId,
  c: ToolCase,
  unit: FactUnit,
  meter: Meter,
): { decision?: string; ms: number } {
  const id = /ORD-\d+/.exec(unit.text)?.[0];
  const email = /[\w.]+@[\w.]+\w/.exec(unit.text)?.[0];
  const order = c.orders.find((o) => o.id === id) ?? c.orders.find((o) => o.email === email);
  const clause = c.clauses.find((cl) => unit.text.includes(cl.topic));
  const completion = callModel(
    model,
    {
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: fixedPrompt(unit.text, order?.record, clause?.text) },
      ],
      output: { kind: 'json', schema: DECISION_SCHEMA, strict: true },
    },
    c.facts,
    meter,
  );
  return {
    decision: (completion.json as { decision?: string } | undefined)?.decision,
    ms: completion.latency_ms,
  };
}

export function fixedPrompt(message: string, order: string | undefined, clause: string | undefined): string {
  return `${TASK}\n\n${message}\n\nOrder: ${order ?? 'not found'}\n\nPolicy: ${clause ?? 'not found'}`;
}

export const AGENT_SYSTEM = SYSTEM;
export const AGENT_TASK = TASK;

export interface ToolStudyOptions {
  cases?: number;
  messages?: number;
}

/** One row of the study: a fixed pipeline, or an agent per message with these tools and turns. */
export interface ToolSetup {
  setup: string;
  kind: 'fixed' | 'agent';
  tools: ToolSpec[];
  maxTurns: number;
}

/** What one case gave: a decision per message (undefined: none), and what it cost. */
export interface CaseOutcome {
  decisions: Array<string | undefined>;
  /** Messages whose agent ran out of turns (or failed otherwise) without an answer. */
  unanswered: number;
  calls: number;
  tokens: number;
  cost: number;
  latencyMs: number;
}

/** Runs a setup on a case: the direct loop below, or a real pipeline (scripts/sim-study.mjs). */
export type CaseRunner = (setup: ToolSetup, model: SimModelId, c: ToolCase) => Promise<CaseOutcome>;

/** The direct loop: the provider driven by hand, messages in parallel. */
export const directRunner: CaseRunner = async (setup, model, c) => {
  const meter: Meter = { calls: 0, tokens: 0, cost: 0 };
  const decisions: Array<string | undefined> = [];
  let unanswered = 0;
  let latencyMs = 0;
  for (const unit of c.facts) {
    const outcome =
      setup.kind === 'fixed'
        ? runFixed(model, c, unit, meter)
        : runAgent(model, c, unit, setup.tools, setup.maxTurns, meter);
    if (outcome.decision === undefined) unanswered++;
    decisions.push(outcome.decision);
    latencyMs = Math.max(latencyMs, outcome.ms);
  }
  return { decisions, unanswered, latencyMs, ...meter };
};

export function studyCase(i: number, messages: number): ToolCase {
  return toolCase(`tool-study-${i}`, { messages, otherOrders: 40 });
}

async function measure(
  model: SimModelId,
  setup: ToolSetup,
  options: Required<ToolStudyOptions>,
  runner: CaseRunner,
): Promise<AgentStudyResult> {
  let right = 0;
  let total = 0;
  let unanswered = 0;
  let latency = 0;
  let calls = 0;
  let tokens = 0;
  let cost = 0;
  for (let i = 0; i < options.cases; i++) {
    const c = studyCase(i, options.messages);
    const outcome = await runner(setup, model, c);
    c.facts.forEach((unit, at) => {
      if (outcome.decisions[at] === unit.answers.decision) right++;
      total++;
    });
    unanswered += outcome.unanswered;
    latency += outcome.latencyMs;
    calls += outcome.calls;
    tokens += outcome.tokens;
    cost += outcome.cost;
  }
  return {
    setup: setup.setup,
    model,
    accuracy: round1((100 * right) / total),
    costPerCase: round6(cost / options.cases),
    callsPerCase: round1(calls / options.cases),
    tokensPerCase: Math.round(tokens / options.cases),
    latencyMs: Math.round(latency / options.cases),
    unanswered: round1((100 * unanswered) / total),
  };
}

export interface ToolStudy {
  agentVsFixed: AgentStudyResult[];
  descriptions: AgentStudyResult[];
  toolCount: AgentStudyResult[];
  maxTurns: AgentStudyResult[];
}

export async function runToolStudy(
  options: ToolStudyOptions = {},
  runner: CaseRunner = directRunner,
): Promise<ToolStudy> {
  const o = { cases: options.cases ?? 40, messages: options.messages ?? 8 };
  const agent = (setup: string, tools: ToolSpec[], maxTurns = 8): ToolSetup => ({
    setup,
    kind: 'agent',
    tools,
    maxTurns,
  });
  const fixed: ToolSetup = {
    setup: 'fixed pipeline: code looks up, one call decides',
    kind: 'fixed',
    tools: [],
    maxTurns: 0,
  };
  const clear = supportTools();
  const run = (model: SimModelId, setup: ToolSetup) => measure(model, setup, o, runner);
  const agentVsFixed: AgentStudyResult[] = [];
  for (const model of ['sim-mini', 'sim-standard', 'sim-pro'] as SimModelId[]) {
    agentVsFixed.push(await run(model, fixed), await run(model, agent('agent: 4 tools, max_turns 8', clear)));
  }
  const descriptions: AgentStudyResult[] = [];
  for (const model of ['sim-mini', 'sim-standard'] as SimModelId[]) {
    descriptions.push(
      await run(model, agent('clear descriptions, tight schemas', clear)),
      await run(model, agent('vague descriptions', supportTools({ vague: true }))),
      await run(model, agent('loose schemas (no properties)', supportTools({ loose: true }))),
    );
  }
  const toolCount: AgentStudyResult[] = [];
  for (const extra of [0, 4, 12])
    toolCount.push(await run('sim-mini', agent(`${4 + extra} tools`, [...clear, ...distractorTools(extra)])));
  const maxTurns: AgentStudyResult[] = [];
  for (const turns of [2, 3, 4, 6, 10])
    maxTurns.push(await run('sim-mini', agent(`max_turns ${turns}`, clear, turns)));
  return { agentVsFixed, descriptions, toolCount, maxTurns };
}

export function toolStudyMarkdown(study: ToolStudy): string {
  const table = (title: string, rows: AgentStudyResult[]) =>
    [
      title,
      '',
      '| setup | model | correct | cost per case | calls per case | tokens per case | latency per case | no answer |',
      '|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.setup} | ${r.model} | ${r.accuracy.toFixed(1)} % | $${r.costPerCase.toFixed(6)} | ${r.callsPerCase} | ${r.tokensPerCase} | ${r.latencyMs} ms | ${r.unanswered.toFixed(1)} % |`,
      ),
    ].join('\n');
  return [
    table('**Agent against a fixed pipeline** (the same task and answers):', study.agentVsFixed),
    table('**Tool descriptions and schemas** (agent, 4 tools, max_turns 8):', study.descriptions),
    table(
      '**Number of tools** (sim-mini agent, the 4 useful tools and distractors, max_turns 8):',
      study.toolCount,
    ),
    table('**max_turns** (sim-mini agent, 4 clear tools):', study.maxTurns),
  ].join('\n\n');
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
