#!/usr/bin/env node
// Calibration of the challenge catalogue (README.md, "Authoring a challenge"): for every challenge in challenges/
// (or the slugs given as arguments), grade baseline.pipeline.yaml and every reference*.pipeline.yaml
// on the hidden cases under the simulated models, print a markdown table and write it to
// docs/calibration.md (--md <file>) and, with --json <file>, as JSON.
//
// A calibration holds when the baseline scores below 50 and every reference at least 90 with no
// case over budget. Exit code 1 when one does not hold (2 on a usage or load error).
//
//   node scripts/calibration.mjs [slug …] [--json <file>] [--md <file>] [--cases <n>]
//
// The secret is REPS_HIDDEN_SEED, else 'local-dev-hidden-seed'. Uses the BUILT engine
// (packages/engine/dist): build it first (npm run build, or tsc -p tsconfig.build.json).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const enginePath = join(root, 'packages/engine/dist/index.js');
const BASELINE_MAX = 50;
const REFERENCE_MIN = 90;

function parseArgs(argv) {
  const options = { slugs: [], json: undefined, md: join(root, 'docs/calibration.md'), cases: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = resolve(value());
    else if (arg === '--md') options.md = resolve(value());
    else if (arg === '--cases') options.cases = Number(value());
    else if (arg === '--help' || arg === '-h') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else options.slugs.push(arg);
  }
  return options;
}

function usage(problem) {
  if (problem) console.error(`calibration: ${problem}`);
  console.error('usage: node scripts/calibration.mjs [slug …] [--json <file>] [--md <file>] [--cases <n>]');
  process.exit(problem ? 2 : 0);
}

/** The pipelines a challenge folder is calibrated with: the baseline first, then the references. */
export async function calibrationPipelines(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pipeline.yaml')).sort();
  const out = [];
  if (files.includes('baseline.pipeline.yaml'))
    out.push({ file: 'baseline.pipeline.yaml', role: 'baseline' });
  for (const file of files)
    if (file === 'reference.pipeline.yaml' || /^reference\.[\w-]+\.pipeline\.yaml$/.test(file))
      out.push({ file, role: 'reference' });
  return out;
}

/** Grades one pipeline file on the hidden cases and says whether its calibration holds. */
export async function calibrateOne(engine, challenge, dir, { file, role }, { secret, gateway, count }) {
  const source = await readFile(join(dir, file), 'utf8');
  const outcome = await engine.gradeChallenge({
    challenge,
    pipelineSource: source,
    kind: 'hidden',
    secret,
    gateway,
    count,
  });
  const base = { challenge: challenge.manifest.slug, pipeline: file, role };
  if (!outcome.ok) {
    const issue = outcome.issues[0];
    return {
      ...base,
      holds: false,
      problem: `invalid pipeline: ${issue?.message ?? 'unknown'}${issue?.line ? ` (line ${issue.line})` : ''}`,
    };
  }
  const { result } = outcome;
  const cases = result.cases.length || 1;
  const overBudget = result.statuses.budget_exceeded ?? 0;
  const problems = [];
  if (role === 'baseline' && result.correctness >= BASELINE_MAX)
    problems.push(`baseline scores ${result.correctness} (must be < ${BASELINE_MAX})`);
  if (role === 'reference' && result.correctness < REFERENCE_MIN)
    problems.push(`reference scores ${result.correctness} (must be ≥ ${REFERENCE_MIN})`);
  if (role === 'reference' && overBudget > 0) problems.push(`${overBudget} case(s) over budget`);
  return {
    ...base,
    correctness: result.correctness,
    cost_per_case_usd: result.cost_usd / cases,
    latency_ms: result.latency_ms,
    calls_per_case: result.calls / cases,
    cases: result.cases.length,
    statuses: result.statuses,
    holds: problems.length === 0,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
}

function markdown(rows, secretLabel) {
  const lines = [
    '# Catalogue calibration',
    '',
    `Hidden cases, simulated models, secret ${secretLabel}. A calibration holds when the baseline`,
    `scores below ${BASELINE_MAX} and every reference at least ${REFERENCE_MIN} with no case over budget.`,
    'Regenerate with `npm run calibration`.',
    '',
    '| challenge | pipeline | correctness | cost $/case | latency p50 / p95 (ms) | calls/case | holds? |',
    '|---|---|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (r.correctness === undefined) {
      lines.push(`| ${r.challenge} | ${r.pipeline} | – | – | – | – | no: ${r.problem} |`);
      continue;
    }
    const holds = r.holds ? 'yes' : `no: ${r.problem}`;
    lines.push(
      `| ${r.challenge} | ${r.pipeline} | ${r.correctness.toFixed(2)} | ${r.cost_per_case_usd.toFixed(6)} | ${Math.round(r.latency_ms.p50)} / ${Math.round(r.latency_ms.p95)} | ${r.calls_per_case.toFixed(1)} | ${holds} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(enginePath)) usage(`${enginePath} is missing; build the engine first`);
  const engine = await import(enginePath);
  const challengesDir = join(root, 'challenges');
  const all = (await readdir(challengesDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && existsSync(join(challengesDir, d.name, 'challenge.yaml')))
    .map((d) => d.name)
    .sort();
  const slugs = options.slugs.length ? options.slugs : all;
  for (const slug of slugs) if (!all.includes(slug)) usage(`no challenge "${slug}" in ${challengesDir}`);
  const usingDefault = process.env.REPS_HIDDEN_SEED === undefined;
  const secret = process.env.REPS_HIDDEN_SEED ?? 'local-dev-hidden-seed';
  const gateway = engine.createDefaultGateway({ extraProviders: [engine.createSimProvider()], cache: false });
  const rows = [];
  for (const slug of slugs) {
    const dir = join(challengesDir, slug);
    const challenge = await engine.loadChallenge(dir);
    for (const pipeline of await calibrationPipelines(dir)) {
      const started = Date.now();
      const row = await calibrateOne(engine, challenge, dir, pipeline, {
        secret,
        gateway,
        count: options.cases,
      });
      rows.push(row);
      const score = row.correctness === undefined ? '–' : row.correctness.toFixed(2);
      console.error(
        `${slug} ${pipeline.file}: ${score} ${row.holds ? 'holds' : `DOES NOT HOLD (${row.problem})`} [${Date.now() - started} ms]`,
      );
    }
  }
  const md = markdown(rows, usingDefault ? "'local-dev-hidden-seed' (the default)" : 'from REPS_HIDDEN_SEED');
  console.log(md);
  await mkdir(dirname(options.md), { recursive: true });
  await writeFile(options.md, md);
  if (options.json) {
    await mkdir(dirname(options.json), { recursive: true });
    await writeFile(
      options.json,
      `${JSON.stringify({ secret: usingDefault ? 'default' : 'env', rows }, null, 2)}\n`,
    );
  }
  process.exit(rows.every((r) => r.holds) ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
