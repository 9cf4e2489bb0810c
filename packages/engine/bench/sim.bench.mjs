#!/usr/bin/env node
// Benchmark: CPU time of one simulated-model call on a ~2,000-token prompt (target ≤ 0.5 ms).
// Runs on the built engine (npm run build first). Prints one JSON object.
//   node packages/engine/bench/sim.bench.mjs      or      npm run bench -- sim
import { createSimProvider, SIM_MODELS } from '../dist/models/sim/index.js';
import { CLAUSE_ASPECTS, clauseCase } from '../dist/models/sim/study/synthetic-task.js';

const TARGET_MS = 0.5;
const CALLS = 2_000;
const sim = createSimProvider();

const cases = new Map();

/**
 * A prompt of about 2,000 tokens holding all clauses of a case. A case's facts are one array
 * reused by all its calls (as the executor passes them), so its units are indexed once per case;
 * each call's prompt is new (a request number and a rotated clause order).
 */
function scenario(seed, units, variant = 0) {
  if (!cases.has(seed)) cases.set(seed, clauseCase(`bench-${seed}`, units));
  const { facts } = cases.get(seed);
  const rotated = [...facts.slice(variant % units), ...facts.slice(0, variant % units)];
  const document = rotated.map((f) => `${f.id}: ${f.text}`).join('\n');
  return {
    context: { facts, aspects: CLAUSE_ASPECTS },
    request: {
      model: 'sim-standard',
      messages: [
        { role: 'system', content: 'You are a careful contracts lawyer.' },
        {
          role: 'user',
          content: `Request ${variant}. Rate the risk (low, medium or high) of each clause.\n\n${document}`,
        },
      ],
      output: {
        kind: 'json',
        schema: {
          type: 'array',
          items: {
            type: 'object',
            properties: { n: { type: 'integer' }, risk: { enum: ['low', 'medium', 'high'] } },
          },
        },
      },
    },
  };
}

/** Distinct prompts (new clause text every call), so no cache serves a repeat. */
async function measure(scenarios) {
  const before = process.cpuUsage();
  const start = performance.now();
  let inputTokens = 0;
  for (const { request, context } of scenarios) {
    const completion = await sim.complete(request, context);
    inputTokens += completion.usage.input_tokens;
  }
  const cpu = process.cpuUsage(before);
  return {
    cpu_ms_per_call: (cpu.user + cpu.system) / 1000 / scenarios.length,
    wall_ms_per_call: (performance.now() - start) / scenarios.length,
    mean_input_tokens: Math.round(inputTokens / scenarios.length),
  };
}

const units = 40;
const CALLS_PER_CASE = 20;
await measure(Array.from({ length: 200 }, (_, i) => scenario(`warmup-${i % 10}`, units, i)));
globalThis.gc?.();
const distinct = await measure(
  Array.from({ length: CALLS }, (_, i) => scenario(Math.floor(i / CALLS_PER_CASE), units, i)),
);
const newCase = await measure(Array.from({ length: 500 }, (_, i) => scenario(`fresh-${i}`, units, i)));
const repeated = await measure(Array.from({ length: CALLS }, () => scenario(0, units, 0)));

process.stdout.write(
  `${JSON.stringify({
    name: 'sim call on a ~2,000-token prompt',
    calls: CALLS,
    units_per_prompt: units,
    models: SIM_MODELS.map((m) => m.id),
    calls_per_case: CALLS_PER_CASE,
    distinct_prompts: distinct,
    every_call_a_new_case: newCase,
    repeated_prompt: repeated,
    target_cpu_ms: TARGET_MS,
    ok: distinct.cpu_ms_per_call <= TARGET_MS,
  })}\n`,
);
