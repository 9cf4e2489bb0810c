#!/usr/bin/env node
// Benchmark: executor and grade() throughput on one core, against two baselines on the same data.
// Runs on the built engine (npm run build first). Prints one JSON object on its last line.
//   node packages/engine/bench/engine.bench.mjs      or      npm run bench -- engine
//
// Goals (from the CLI/engine issue): > 5,000 one-step cases/s, step overhead ≤ 50 µs, a warm code
// step ≤ 200 µs, and ≥ 20× a typical eval tool on the same data. Agents (issue 17): an agent turn
// with one cheap code tool call costs the engine ≤ 100 µs, the model's own time aside.
import { createServer } from 'node:http';
import { Ajv } from 'ajv';
import {
  createDefaultGateway,
  createEchoProvider,
  createQuickJSSandbox,
  createSimProvider,
  grade,
  parsePipeline,
  runPipeline,
} from '../dist/index.js';
import { round, medianMs as timedMedian } from './bench-kit.mjs';

const GOALS = {
  one_step_cases_per_s: 5_000,
  step_overhead_us: 50,
  code_step_warm_us: 200,
  speedup: 20,
  agent_turn_us: 100,
};
const ONE_STEP_CASES = 1_000;
const CHAIN_CASES = 300;
const CHAIN_LENGTH = 20;
const MAP_CASES = 300;
const MAP_ITEMS = 20;
const REPEATS = 5;

const gateway = createDefaultGateway({ cache: false, extraProviders: [createSimProvider()] });
const exactScore = (output, expected) => ({ score: output === expected ? 1 : 0, reason: '' });

function pipeline(yaml) {
  const parsed = parsePipeline(yaml);
  if (!parsed.ok) throw new Error(`bench pipeline is invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.pipeline;
}

const medianMs = (fn) => timedMedian(fn, REPEATS);

// --- 1. One-step llm pipeline, echo model, through grade() -----------------------------------

const oneStep = pipeline(`
name: one-step
budget: {}
steps:
  - id: answer
    llm: { model: echo, prompt: "{{ input.question }}" }
`);
const questions = Array.from({ length: ONE_STEP_CASES }, (_, i) => ({
  id: `case-${i + 1}`,
  input: { question: `What is item ${i} of the ledger?` },
  expected: `What is item ${i} of the ledger?`,
}));

async function gradeOneStep(caseConcurrency) {
  const result = await grade({
    pipeline: oneStep,
    cases: questions,
    score: exactScore,
    gateway,
    caseConcurrency,
  });
  if (result.correctness !== 100) throw new Error(`one-step bench scored ${result.correctness}, not 100`);
}

const oneStepMs = await medianMs(() => gradeOneStep(4));
const oneStepSequentialMs = await medianMs(() => gradeOneStep(1));

// --- 2. Step overhead: a chain of N trivial code steps vs one ---------------------------------

function chain(length, body) {
  const steps = [`  - id: s0\n    code: return input.n`];
  for (let i = 1; i < length; i++) steps.push(`  - id: s${i}\n    code: ${body(`s${i - 1}`)}`);
  return pipeline(`name: chain-${length}\nbudget: {}\nsteps:\n${steps.join('\n')}\n`);
}
const chainCases = Array.from({ length: CHAIN_CASES }, (_, i) => ({
  id: `case-${i + 1}`,
  input: { n: i, values: Array.from({ length: 20 }, (_, k) => (i * 7 + k * 13) % 100) },
  expected: null,
}));
const anyScore = () => ({ score: 1, reason: '' });

async function usPerCase(p) {
  const ms = await medianMs(() =>
    grade({ pipeline: p, cases: chainCases, score: anyScore, gateway, caseConcurrency: 1 }),
  );
  return (ms * 1000) / CHAIN_CASES;
}

const trivial = (prev) => `return ${prev} + 1`;
// A small realistic body: filter and sum the case's 20 numbers.
const realistic = (prev) => `return input.values.filter((v) => v > ${prev} % 50).reduce((s, v) => s + v, 0)`;
const oneUs = await usPerCase(chain(1, trivial));
const chainUs = await usPerCase(chain(CHAIN_LENGTH, trivial));
const realisticChainUs = await usPerCase(chain(CHAIN_LENGTH, realistic));
const stepOverheadUs = (chainUs - oneUs) / (CHAIN_LENGTH - 1);
const codeStepWarmUs = (realisticChainUs - oneUs) / (CHAIN_LENGTH - 1);

// The QuickJS call alone (compiled function, scope in, JSON out), to split overhead from sandbox.
const sandbox = await createQuickJSSandbox();
const sandboxScope = { input: chainCases[0].input, s0: 3 };
const sandboxCallUs = await (async () => {
  const calls = 20_000;
  const ms = await medianMs(() => {
    for (let i = 0; i < calls; i++) sandbox.run('return s0 + 1', sandboxScope);
  });
  return (ms * 1000) / calls;
})();
sandbox.dispose();

// Per-case isolation: what a fresh sandbox (its own WebAssembly instance and memory, runtime,
// context, frozen intrinsics) costs a case that runs any code, created, used once and disposed.
const ISOLATION_CASES = 200;
const isolationMs = await medianMs(async () => {
  for (let i = 0; i < ISOLATION_CASES; i++) {
    const fresh = await createQuickJSSandbox({ seed: i });
    fresh.run('return s0 + 1', sandboxScope);
    fresh.dispose();
  }
});

// --- 3. Five steps with a map of 20 llm items --------------------------------------------------

const mapPipeline = pipeline(`
name: map-of-${MAP_ITEMS}
budget: {}
steps:
  - id: items
    code: |
      return Array.from({ length: ${MAP_ITEMS} }, (_, i) => 'clause ' + (i + 1) + ' of contract ' + input.n)
  - id: answers
    map: items
    concurrency: 8
    step:
      llm: { model: echo, prompt: "Rate the risk of {{ item }}" }
  - id: lengths
    code: return answers.map((a) => a.length)
  - id: total
    code: return lengths.reduce((s, n) => s + n, 0)
  - id: result
    output: "({ total, count: answers.length })"
`);
const mapCases = Array.from({ length: MAP_CASES }, (_, i) => ({
  id: `case-${i + 1}`,
  input: { n: i },
  expected: null,
}));
const mapMs = await medianMs(() =>
  grade({ pipeline: mapPipeline, cases: mapCases, score: anyScore, gateway, caseConcurrency: 4 }),
);

// --- 4. Baselines on the one-step data -------------------------------------------------------

/** `{{ expr }}` templates compiled on every use (no cache), as a per-case render call does. */
function renderUncached(template, scope) {
  const source = template.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, expr) => `\${${expr}}`);
  return new Function(...Object.keys(scope), `return \`${source}\`;`)(...Object.values(scope));
}

const outputSchema = { type: 'string', minLength: 1 };

/**
 * The in-process loop: per case, render the prompt, call the engine's own echo provider (the same
 * tokenizer work as the engine does), round-trip request and response through JSON as a tool's
 * provider layer does, check the output with Ajv (shared instance, schema compiled per case as
 * assertion helpers do; Ajv caches it by identity), score, keep a result record.
 */
async function inProcessLoop() {
  const echo = createEchoProvider();
  const ajv = new Ajv();
  const results = [];
  for (const c of questions) {
    const prompt = renderUncached('{{ input.question }}', { input: c.input });
    const request = JSON.parse(
      JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: prompt }] }),
    );
    const completion = JSON.parse(JSON.stringify(await echo.complete(request, {})));
    const valid = ajv.compile(outputSchema)(completion.text);
    const { score } = exactScore(completion.text, c.expected);
    results.push({ id: c.id, prompt, output: completion.text, valid, score, usage: completion.usage });
  }
  return results;
}

/** An OpenAI-compatible echo server on localhost: what a typical eval tool would be pointed at. */
function startEchoServer(latencyMs = 0) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const { messages, model } = JSON.parse(body);
      const content = messages.at(-1).content;
      res.setHeader('content-type', 'application/json');
      const answer = () =>
        res.end(
          JSON.stringify({
            id: 'echo',
            object: 'chat.completion',
            model,
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          }),
        );
      // setTimeout(fn, 0) would still wait a timer tick (about 1 ms): answer at once when no latency.
      if (latencyMs > 0) setTimeout(answer, latencyMs);
      else answer();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The typical eval tool: per case, render the prompt, POST it to the model server and await the
 * answer (4 requests in flight), parse the JSON response, validate the output, score, keep a
 * result record. The server runs in this same process, so both sides share the one core.
 */
async function httpEvalTool(url, concurrency = 4, cases = questions) {
  const ajv = new Ajv();
  const results = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      const c = cases[i];
      const prompt = renderUncached('{{ input.question }}', { input: c.input });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: prompt }] }),
      });
      const json = await response.json();
      const output = json.choices[0].message.content;
      const valid = ajv.compile(outputSchema)(output);
      results[i] = { id: c.id, prompt, output, valid, score: exactScore(output, c.expected).score };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

const inProcessMs = await medianMs(inProcessLoop);
const server = await startEchoServer();
const url = `http://127.0.0.1:${server.address().port}/v1/chat/completions`;
const httpMs = await medianMs(() => httpEvalTool(url));
server.close();

// --- 5. With model latency: the engine's virtual clock vs a tool that has to wait ----------------

const simOneStep = pipeline(`
name: one-step-sim
budget: {}
steps:
  - id: answer
    llm: { model: sim-mini, prompt: "{{ input.question }}" }
`);
let simLatencyMs = 0;
const simMs = await medianMs(async () => {
  const result = await grade({
    pipeline: simOneStep,
    cases: questions,
    score: anyScore,
    gateway,
    caseConcurrency: 4,
  });
  if (result.statuses.ok !== ONE_STEP_CASES) throw new Error(`sim bench: ${JSON.stringify(result.statuses)}`);
  simLatencyMs = result.latency_ms.p50;
});
const LATENCY_CASES = 40;
const slowServer = await startEchoServer(simLatencyMs);
const slowUrl = `http://127.0.0.1:${slowServer.address().port}/v1/chat/completions`;
const slowStart = performance.now();
await httpEvalTool(slowUrl, 4, questions.slice(0, LATENCY_CASES));
const slowMs = performance.now() - slowStart;
slowServer.close();

// --- 6. Agent turns: the engine's work per turn, the model aside -------------------------------

const AGENT_CASES = 200;
/** Turns of the long agent; the short one has 2, so that both run the tool (and QuickJS) at least once. */
const AGENT_TURNS = 22;

/**
 * A scripted in-process model (no tokenizer, no latency): until the conversation has had
 * `input.turns` − 1 turns it asks for one `inc` tool call, then it answers. What is left of a turn
 * is the engine's: the metered call in virtual time, the tool call (arguments checked against the
 * tool's schema, the body run in QuickJS), the messages and the trace.
 */
const scriptedAgentModel = {
  describe: (id) => ({
    id,
    provider: 'echo',
    contextTokens: 1_000_000,
    inputPricePerM: 0,
    outputPricePerM: 0,
    simulated: true,
  }),
  list: () => [],
  async complete(request) {
    const turns = Number(request.messages[0].content);
    const done = request.messages.filter((m) => m.role === 'assistant').length;
    const usage = { input_tokens: 0, output_tokens: 0 };
    const base = { usage, cost_usd: 0, latency_ms: 0, model: request.model };
    if (done + 1 >= turns) return { ...base, text: `counted ${done}` };
    return { ...base, text: '', toolCalls: [{ id: '', name: 'inc', arguments: { x: done } }] };
  },
};

const agentPipeline = pipeline(`
name: agent-turns
budget: {}
steps:
  - id: count
    agent:
      model: bench-agent
      prompt: "{{ input.turns }}"
      max_turns: ${AGENT_TURNS}
      tools:
        - name: inc
          description: Adds one to x.
          input: { type: object, required: [x], properties: { x: { type: integer } } }
          code: return args.x + 1
`);

// One sandbox for all the cases: a fresh one per case (case_isolation above) is a per-case cost,
// and on a busy machine its noise would swamp the turns.
const agentSandbox = await createQuickJSSandbox();

async function agentUsPerCase(turns) {
  const expected = `counted ${turns - 1}`;
  const ms = await medianMs(async () => {
    for (let i = 0; i < AGENT_CASES; i++) {
      const run = await runPipeline(agentPipeline, {
        input: { turns },
        gateway: scriptedAgentModel,
        sandbox: agentSandbox,
      });
      if (run.output !== expected)
        throw new Error(`agent bench (${turns} turns): ${run.status} ${JSON.stringify(run.output)}`);
    }
  });
  return (ms * 1000) / AGENT_CASES;
}

const agentShortUs = await agentUsPerCase(2);
const agentLongUs = await agentUsPerCase(AGENT_TURNS);
const agentTurnUs = (agentLongUs - agentShortUs) / (AGENT_TURNS - 2);
agentSandbox.dispose();

// --- Report --------------------------------------------------------------------------------

const perSecond = (count, ms) => Math.round((count / ms) * 1000);
const oneStepRate = perSecond(ONE_STEP_CASES, oneStepMs);
const httpRate = perSecond(ONE_STEP_CASES, httpMs);
const inProcessRate = perSecond(ONE_STEP_CASES, inProcessMs);
const speedup = round(oneStepRate / httpRate, 2);

process.stdout.write(
  `${JSON.stringify({
    name: 'engine executor and grade() throughput (one core)',
    one_step: {
      description: `grade() of a one-step llm pipeline (echo model) over ${ONE_STEP_CASES} cases, exact-match scorer, 4 cases at once`,
      cases_per_s: oneStepRate,
      cases_per_s_one_at_a_time: perSecond(ONE_STEP_CASES, oneStepSequentialMs),
      goal_cases_per_s: GOALS.one_step_cases_per_s,
      ok: oneStepRate > GOALS.one_step_cases_per_s,
    },
    step_overhead: {
      description: `(µs per case of a ${CHAIN_LENGTH}-step chain of \`return prev + 1\` code steps − µs of a 1-step case) / ${CHAIN_LENGTH - 1}`,
      us_per_step: round(stepOverheadUs),
      of_which_quickjs_call_us: round(sandboxCallUs, 2),
      one_step_case_us: round(oneUs),
      goal_us: GOALS.step_overhead_us,
      ok: stepOverheadUs <= GOALS.step_overhead_us,
    },
    case_isolation: {
      description:
        'a fresh sandbox per case (own WebAssembly instance and memory, runtime, context, frozen intrinsics), ' +
        'created, one call, disposed; paid once by each case that runs code or a non-path expression',
      us_per_case: round((isolationMs * 1000) / ISOLATION_CASES),
    },
    code_step_warm: {
      description: `marginal µs of a warm code step that filters and sums the case's 20 numbers (same chain method)`,
      us: round(codeStepWarmUs),
      goal_us: GOALS.code_step_warm_us,
      ok: codeStepWarmUs <= GOALS.code_step_warm_us,
    },
    map_pipeline: {
      description: `grade() of 5 steps (code, map of ${MAP_ITEMS} echo llm calls, code, code, output) over ${MAP_CASES} cases`,
      cases_per_s: perSecond(MAP_CASES, mapMs),
      llm_calls_per_s: perSecond(MAP_CASES * MAP_ITEMS, mapMs),
    },
    agent_turn: {
      description:
        `(µs per case of a ${AGENT_TURNS}-turn agent − µs of a 2-turn agent) / ${AGENT_TURNS - 2}, runPipeline, one ` +
        'sandbox for all cases; each extra turn is one scripted in-process model call (no latency, no tokenizer) that ' +
        'asks for one `return args.x + 1` code tool call',
      us_per_turn: round(agentTurnUs),
      two_turn_case_us: round(agentShortUs),
      goal_us: GOALS.agent_turn_us,
      ok: agentTurnUs <= GOALS.agent_turn_us,
    },
    baseline: {
      baseline_description:
        'A typical eval tool on the same 1,000 one-step cases: per case it renders the prompt (template compiled each time), ' +
        'POSTs it to an OpenAI-compatible echo server on localhost (same process, so the same one core; 4 requests in flight, ' +
        'keep-alive fetch), parses the JSON response, validates the output with Ajv, scores by exact match and keeps a result ' +
        'record. No model latency is simulated on either side (echo answers at once); the engine also counts tokens, ' +
        'builds a full trace and runs the template in QuickJS.',
      cases_per_s: httpRate,
      speedup,
      goal_speedup: GOALS.speedup,
      ok: speedup >= GOALS.speedup,
      in_process_loop: {
        description:
          "The same loop with no HTTP: the engine's echo provider called in-process (same tokenizer work), request and " +
          'response round-tripped through JSON, Ajv check, exact-match score, one case at a time. A floor, not a typical tool.',
        cases_per_s: inProcessRate,
        speedup: round(oneStepRate / inProcessRate, 2),
      },
    },
    with_model_latency: {
      description:
        `The same comparison with a model that takes time: the engine grades the one-step pipeline on sim-mini ` +
        `(virtual latency, p50 ${simLatencyMs} ms per call) over ${ONE_STEP_CASES} cases; the typical tool calls a ` +
        `local server that answers after the same ${simLatencyMs} ms, 4 requests in flight, over ${LATENCY_CASES} cases.`,
      engine_cases_per_s: perSecond(ONE_STEP_CASES, simMs),
      typical_tool_cases_per_s: round((LATENCY_CASES / slowMs) * 1000, 1),
      speedup: round(perSecond(ONE_STEP_CASES, simMs) / ((LATENCY_CASES / slowMs) * 1000), 0),
    },
    goals_met:
      oneStepRate > GOALS.one_step_cases_per_s &&
      stepOverheadUs <= GOALS.step_overhead_us &&
      codeStepWarmUs <= GOALS.code_step_warm_us &&
      agentTurnUs <= GOALS.agent_turn_us &&
      speedup >= GOALS.speedup,
  })}\n`,
);
