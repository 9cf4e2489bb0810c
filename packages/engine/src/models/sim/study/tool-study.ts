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
  /** Share of messages whose agent ran out of turns, in %. */
  outOfTurns: number;
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
  const prompt = `${TASK}\n\n${unit.text}\n\nOrder: ${order?.record ?? 'not found'}\n\nPolicy: ${clause?.text ?? 'not found'}`;
  const completion = callModel(
    model,
    {
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: prompt },
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

export interface ToolStudyOptions {
  cases?: number;
  messages?: number;
}

type Setup = { setup: string; tools: () => ToolSpec[]; maxTurns: number; fixed?: boolean };

function measure(model: SimModelId, setup: Setup, options: Required<ToolStudyOptions>): AgentStudyResult {
  const meter: Meter = { calls: 0, tokens: 0, cost: 0 };
  let right = 0;
  let total = 0;
  let outOfTurns = 0;
  let latency = 0;
  const tools = setup.tools();
  for (let i = 0; i < options.cases; i++) {
    const c = toolCase(`tool-study-${i}`, { messages: options.messages, otherOrders: 40 });
    let slowest = 0;
    for (const unit of c.facts) {
      const outcome = setup.fixed
        ? runFixed(model, c, unit, meter)
        : runAgent(model, c, unit, tools, setup.maxTurns, meter);
      if ('outOfTurns' in outcome && outcome.outOfTurns) outOfTurns++;
      if (outcome.decision === unit.answers.decision) right++;
      total++;
      slowest = Math.max(slowest, outcome.ms);
    }
    latency += slowest;
  }
  return {
    setup: setup.setup,
    model,
    accuracy: round1((100 * right) / total),
    costPerCase: round6(meter.cost / options.cases),
    callsPerCase: round1(meter.calls / options.cases),
    tokensPerCase: Math.round(meter.tokens / options.cases),
    latencyMs: Math.round(latency / options.cases),
    outOfTurns: round1((100 * outOfTurns) / total),
  };
}

export interface ToolStudy {
  agentVsFixed: AgentStudyResult[];
  descriptions: AgentStudyResult[];
  toolCount: AgentStudyResult[];
  maxTurns: AgentStudyResult[];
}

export function runToolStudy(options: ToolStudyOptions = {}): ToolStudy {
  const o = { cases: options.cases ?? 40, messages: options.messages ?? 8 };
  const clear = () => supportTools();
  const models: SimModelId[] = ['sim-mini', 'sim-standard', 'sim-pro'];
  const agentVsFixed = models.flatMap((model) => [
    measure(
      model,
      { setup: 'fixed pipeline: code looks up, one call decides', tools: clear, maxTurns: 0, fixed: true },
      o,
    ),
    measure(model, { setup: 'agent: 4 tools, max_turns 8', tools: clear, maxTurns: 8 }, o),
  ]);
  const descriptions = (['sim-mini', 'sim-standard'] as SimModelId[]).flatMap((model) => [
    measure(model, { setup: 'clear descriptions, tight schemas', tools: clear, maxTurns: 8 }, o),
    measure(
      model,
      { setup: 'vague descriptions', tools: () => supportTools({ vague: true }), maxTurns: 8 },
      o,
    ),
    measure(
      model,
      { setup: 'loose schemas (no properties)', tools: () => supportTools({ loose: true }), maxTurns: 8 },
      o,
    ),
  ]);
  const toolCount = [0, 4, 12].map((extra) =>
    measure(
      'sim-mini',
      {
        setup: `${4 + extra} tools`,
        tools: () => [...supportTools(), ...distractorTools(extra)],
        maxTurns: 8,
      },
      o,
    ),
  );
  const maxTurns = [2, 3, 4, 6, 10].map((turns) =>
    measure('sim-mini', { setup: `max_turns ${turns}`, tools: clear, maxTurns: turns }, o),
  );
  return { agentVsFixed, descriptions, toolCount, maxTurns };
}

export function toolStudyMarkdown(study: ToolStudy): string {
  const table = (title: string, rows: AgentStudyResult[]) =>
    [
      title,
      '',
      '| setup | model | correct | cost per case | calls per case | tokens per case | latency per case | out of turns |',
      '|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.setup} | ${r.model} | ${r.accuracy.toFixed(1)} % | $${r.costPerCase.toFixed(6)} | ${r.callsPerCase} | ${r.tokensPerCase} | ${r.latencyMs} ms | ${r.outOfTurns.toFixed(1)} % |`,
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
