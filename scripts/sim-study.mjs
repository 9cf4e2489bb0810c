#!/usr/bin/env node
// `npm run sim:study`: the calibration study of the simulated models (docs/sim.md). Runs on the
// built engine; writes the results as JSON (stdout, or --json <file>) and a markdown table
// (--md <file>, default: printed to stderr). Deterministic: the same build gives the same table.
// --only tools runs the tool-use section alone; --tool-cases sets its cases (default 40).
import { writeFileSync } from 'node:fs';
import { parsePipeline } from '../packages/engine/dist/dsl/parse-pipeline.js';
import { runPipeline } from '../packages/engine/dist/executor/run-pipeline.js';
import { createGateway } from '../packages/engine/dist/models/gateway.js';
import { createSimProvider } from '../packages/engine/dist/models/sim/index.js';
import { ruleStudyMarkdown, runRuleStudy } from '../packages/engine/dist/models/sim/study/rule-study.js';
import { runStudy, studyMarkdown } from '../packages/engine/dist/models/sim/study/sim-study.js';
import {
  AGENT_SYSTEM,
  AGENT_TASK,
  fixedPrompt,
  runToolStudy,
  toolStudyMarkdown,
} from '../packages/engine/dist/models/sim/study/tool-study.js';
import {
  DECISION_ASPECTS,
  DECISION_SCHEMA,
  toolCaseInput,
  toolCode,
} from '../packages/engine/dist/models/sim/study/tool-task.js';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const cases = Number(option('--cases') ?? 40);
const draws = Number(option('--draws') ?? 2000);
const toolCases = Number(option('--tool-cases') ?? 40);
const only = option('--only');

/**
 * The tool-use study runs real pipelines: an agent step per message (inside a map) with code tools,
 * or the fixed pipeline (a code step looks up, an llm step per message decides), through the
 * executor and the simulated provider, as a learner's pipeline runs.
 */
const gateway = createGateway([createSimProvider()]);
const parsed = new Map();

function pipelineFor(setup, model) {
  const key = `${setup.setup}\u0000${model}\u0000${setup.maxTurns}`;
  if (!parsed.has(key)) {
    const source = JSON.stringify(
      setup.kind === 'fixed' ? fixedPipeline(model) : agentPipeline(setup, model),
    );
    const result = parsePipeline(source);
    if (!result.ok)
      throw new Error(`study pipeline "${setup.setup}" is invalid: ${JSON.stringify(result.issues)}`);
    parsed.set(key, result.pipeline);
  }
  return parsed.get(key);
}

const BUDGET = { max_calls: 2000, max_cost_usd: 50 };
const OUTPUT = { json: DECISION_SCHEMA, strict: true };

function agentPipeline(setup, model) {
  const tools = setup.tools.map((t) => ({
    name: t.name,
    description: t.description,
    input: t.input_schema,
    code: toolCode(t.name),
  }));
  return {
    name: 'tool-study-agent',
    budget: BUDGET,
    steps: [
      {
        id: 'decided',
        map: 'input.messages',
        concurrency: 16,
        on_item_error: null,
        tolerated_failure_pct: 100,
        step: {
          agent: {
            model,
            max_turns: setup.maxTurns,
            system: AGENT_SYSTEM,
            prompt: `${AGENT_TASK}\n\n{{ item.text }}`,
            output: OUTPUT,
            tools,
          },
        },
      },
    ],
  };
}

function fixedPipeline(model) {
  return {
    name: 'tool-study-fixed',
    budget: BUDGET,
    steps: [
      {
        id: 'work',
        code: `return input.messages.map((m) => {
  const id = (/ORD-\\d+/.exec(m.text) || [])[0];
  const email = (/[\\w.]+@[\\w.]+\\w/.exec(m.text) || [])[0];
  const order = input.orders.find((o) => o.id === id) || input.orders.find((o) => o.email === email);
  const clause = input.clauses.find((c) => m.text.includes(c.topic));
  return { text: m.text, order: order ? order.record : 'not found', clause: clause ? clause.text : 'not found' };
});`,
      },
      {
        id: 'decided',
        map: 'work',
        concurrency: 16,
        on_item_error: null,
        tolerated_failure_pct: 100,
        step: {
          llm: {
            model,
            system: AGENT_SYSTEM,
            prompt: fixedPrompt('{{ item.text }}', '{{ item.order }}', '{{ item.clause }}'),
            output: OUTPUT,
            retry: { attempts: 3, on: ['invalid_output'], feedback: true },
          },
        },
      },
    ],
  };
}

async function pipelineRunner(setup, model, c) {
  const run = await runPipeline(pipelineFor(setup, model), {
    input: toolCaseInput(c),
    gateway,
    modelContext: { facts: c.facts, aspects: DECISION_ASPECTS },
  });
  if (run.status !== 'ok')
    throw new Error(`study pipeline "${setup.setup}" failed: ${JSON.stringify(run.error)}`);
  const decisions = c.facts.map((_, i) => run.output?.[i]?.decision);
  return {
    decisions,
    unanswered: decisions.filter((d) => d === undefined).length,
    calls: run.usage.calls,
    tokens: run.usage.input_tokens + run.usage.output_tokens,
    cost: run.usage.cost_usd,
    latencyMs: run.latency_ms,
  };
}

const tools = await runToolStudy({ cases: toolCases, messages: 8 }, pipelineRunner);
const toolMarkdown = toolStudyMarkdown(tools);
const results = only === 'tools' ? undefined : await runStudy({ cases, units: 40 });
const rules = only === 'tools' ? undefined : runRuleStudy(draws);
const json = JSON.stringify({ cases, units: 40, results, draws, rules, toolCases, tools }, null, 2);
const markdown = [
  results ? studyMarkdown(results) : '',
  rules ? ruleStudyMarkdown(rules) : '',
  `**Tool use** (${toolCases} cases of 8 customer messages, real pipelines):\n\n${toolMarkdown}`,
]
  .filter(Boolean)
  .join('\n\n');
if (option('--json')) writeFileSync(option('--json'), `${json}\n`);
else process.stdout.write(`${json}\n`);
if (option('--md')) writeFileSync(option('--md'), `${markdown}\n`);
else process.stderr.write(`\n${markdown}\n`);
