#!/usr/bin/env node
// Benchmark: the sandbox's shortcuts (expressions answered on the host, snippets handed only the
// scope they read) against QuickJS alone with the whole scope, on a pipeline shaped like the
// meeting-action-items reference: a code step splits a transcript into agenda items, a map renders
// one prompt per item with long string literals, paths and small calls, a code step gathers.
// Runs on the built engine (npm run build first). Prints one JSON object on its last line.
//   node packages/engine/bench/sandbox.bench.mjs      or      npm run bench -- sandbox
//
// Goal (issue 14, "Grading speed"): the shortcuts change no output, trace, usage or latency, and
// cut the case's sandbox time; `identical` is checked on every case, not sampled.
import { createDefaultGateway, createQuickJSSandbox, parsePipeline, runPipeline } from '../dist/index.js';
import { median, round } from './bench-kit.mjs';

const CASES = 40;
const ITEMS = 10;
const REPEATS = 5;
const RULES = 'Only work that someone committed to is an action item. '.repeat(18);

const parsed = parsePipeline(`
name: meeting-shape
budget: {}
steps:
  - id: parsed
    code: |
      const blocks = input.transcript.split(/\\n\\s*\\n/);
      const items = blocks.filter((b) => /^Agenda item/.test(b));
      return items.map((b, i) => ({ block: b, header: blocks[0], aob: items[items.length - 1], named: i ? [items[i - 1]] : [], asides: [] }));
  - id: samples
    map: parsed
    concurrency: 8
    step:
      llm:
        model: echo
        prompt: |
          {{ item.block }}
          Our definition: {{ ${JSON.stringify(RULES)} }}
          Meeting date: {{ input.meeting_date }} (a {{ ['Sun','Mon','Tue','Wed','Thu','Fri','Sat'][new Date(input.meeting_date + 'T12:00:00Z').getUTCDay()] }}). Attendees: {{ input.attendees.join(', ') }}.
          {{ item.header }}
          Other agenda items it refers to:
          {{ item.named.join('\\n\\n') || '(none)' }}
          Said elsewhere: {{ item.asides.join('\\n') || '(nothing)' }}
          {{ item.aob }}
  - id: result
    code: |
      let n = 0;
      for (const s of samples) n += s.length;
      return { n, items: parsed.length };
`);
if (!parsed.ok) throw new Error(`bench pipeline is invalid: ${JSON.stringify(parsed.issues)}`);
const pipeline = parsed.pipeline;
const gateway = createDefaultGateway({ cache: false });

const inputs = Array.from({ length: CASES }, (_, c) => {
  const items = Array.from(
    { length: ITEMS },
    (_, i) =>
      `Agenda item ${i + 1}: Topic ${c}-${i}\n${'Ana: I will send the figures by Friday, as agreed last week.\n'.repeat(12)}`,
  );
  return {
    meeting_date: `2024-03-${String((c % 27) + 1).padStart(2, '0')}`,
    attendees: ['Ana Silva', 'Ben Okafor', 'Chen Wei'],
    transcript: [
      `Weekly meeting ${c}. Chair: Ana Silva. Roles: Ben Okafor (sales), Chen Wei (HR).`,
      ...items,
    ].join('\n\n'),
  };
});

/**
 * Every case with a sandbox of its own, as grading runs them: the runs, for comparing, and the
 * CPU time spent running them (creating a sandbox, ~10 ms, is the same either way and left out).
 * CPU rather than wall time: the machine these run on is shared.
 */
async function runAll(shortcuts) {
  const runs = [];
  let ms = 0;
  for (const [i, input] of inputs.entries()) {
    const sandbox = await createQuickJSSandbox({ seed: i, shortcuts });
    try {
      const start = process.cpuUsage();
      runs.push(await runPipeline(pipeline, { input, gateway, sandbox }));
      const used = process.cpuUsage(start);
      ms += (used.user + used.system) / 1000;
    } finally {
      sandbox.dispose();
    }
  }
  return { runs, ms };
}

const fast = await runAll(true);
const exact = await runAll(false);
const identical = JSON.stringify(fast.runs) === JSON.stringify(exact.runs);
if (fast.runs.some((run) => run.status !== 'ok'))
  throw new Error(
    `a bench case failed: ${JSON.stringify(fast.runs.find((run) => run.status !== 'ok').error)}`,
  );

/** Median over REPEATS of the cases' run time, shortcuts and whole scope alternating. */
const times = { fast: [], exact: [] };
for (let r = 0; r < REPEATS; r++) {
  globalThis.gc?.();
  times.fast.push((await runAll(true)).ms);
  globalThis.gc?.();
  times.exact.push((await runAll(false)).ms);
}
const fastMs = median(times.fast);
const exactMs = median(times.exact);

console.log(
  JSON.stringify({
    bench: 'sandbox',
    cases: CASES,
    prompts_per_case: ITEMS,
    identical,
    case_cpu_ms: { shortcuts: round(fastMs / CASES, 2), whole_scope: round(exactMs / CASES, 2) },
    speedup: round(exactMs / fastMs, 2),
    ok: identical,
  }),
);
if (!identical) process.exitCode = 1;
