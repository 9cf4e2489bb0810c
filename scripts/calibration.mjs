#!/usr/bin/env node
// Calibration of the challenge catalogue (README.md, "Authoring a challenge"): for every challenge in challenges/
// (or the slugs given as arguments), grade baseline.pipeline.yaml and every reference*.pipeline.yaml
// on the hidden cases under the simulated models, print a markdown table and write it to
// docs/calibration.md (--md <file>) and, with --json <file>, as JSON.
//
// Which pipelines are graded and the bar each must clear is the engine's calibration rule
// (packages/engine/src/grade/calibration-rule.ts, docs/calibration.md): the baseline below 50, every
// reference at least 90 with no case over budget, adversaries and the context-free pipeline below the
// pass mark, context-free and ablations at least 10 points under the best reference. Exit code 1
// when one does not hold (2 on a usage or load error).
//
//   node scripts/calibration.mjs [slug …] [--json <file>] [--md <file>] [--cases <n>] [--secrets a,b,c]
//
// The secret is REPS_HIDDEN_SEED, else 'local-dev-hidden-seed'; --secrets grades on several hidden
// sets, each pipeline's scores side by side (a line holds when it holds on every set). Uses the BUILT engine
// (packages/engine/dist): build it first (npm run build, or tsc -p tsconfig.build.json).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const enginePath = join(root, 'packages/engine/dist/index.js');

function parseArgs(argv) {
  const options = {
    slugs: [],
    json: undefined,
    md: join(root, 'docs/calibration.md'),
    cases: undefined,
    secrets: undefined,
  };
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
    else if (arg === '--secrets') options.secrets = value().split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else options.slugs.push(arg);
  }
  return options;
}

function usage(problem) {
  if (problem) console.error(`calibration: ${problem}`);
  console.error(
    'usage: node scripts/calibration.mjs [slug …] [--json <file>] [--md <file>] [--cases <n>] [--secrets a,b,c]',
  );
  process.exit(problem ? 2 : 0);
}

/** Grades one pipeline file on the hidden cases (the verdict comes later, over all of them). */
export async function gradeOne(engine, challenge, dir, { file, name, role }, { secret, gateway, count }) {
  const source = await readFile(join(dir, file), 'utf8');
  const outcome = await engine.gradeChallenge({
    challenge,
    pipelineSource: source,
    kind: 'hidden',
    secret,
    gateway,
    count,
  });
  const base = { challenge: challenge.manifest.slug, pipeline: file, name, role };
  if (!outcome.ok) {
    const issue = outcome.issues[0];
    return {
      ...base,
      invalid: `${issue?.message ?? 'invalid pipeline'}${issue?.line ? ` (line ${issue.line})` : ''}`,
    };
  }
  const { result } = outcome;
  const cases = result.cases.length || 1;
  return {
    ...base,
    correctness: result.correctness,
    cost_per_case_usd: result.cost_usd / cases,
    latency_ms: result.latency_ms,
    calls_per_case: result.calls / cases,
    cases: result.cases.length,
    statuses: result.statuses,
  };
}

/** The engine's verdict on a challenge's rows (and what its folder lacks), written onto the rows. */
export function judgeRows(engine, challenge, rows, entries) {
  const judged = engine.judgeCalibration(
    rows.map((r) => ({
      name: r.name,
      role: r.role,
      correctness: r.correctness ?? 0,
      budgetExceeded: r.statuses?.budget_exceeded ?? 0,
      invalid: r.invalid,
    })),
    challenge.manifest.scoring.pass_mark,
  );
  rows.forEach((r, i) => {
    r.holds = judged[i].holds;
    if (judged[i].note) r.problem = judged[i].note;
  });
  const missing = engine.missingCalibrationPipelines(entries, { catalogue: true });
  return missing.map((problem) => ({
    challenge: challenge.manifest.slug,
    pipeline: '–',
    name: '–',
    role: '–',
    holds: false,
    problem,
  }));
}

export function markdown(rows, secretLabels) {
  const several = secretLabels.length > 1;
  const lines = [
    '# Catalogue calibration',
    '',
    `Hidden cases, simulated models, ${several ? `${secretLabels.length} hidden sets (secrets ${secretLabels.join(', ')}; scores in that order)` : `secret ${secretLabels[0]}`}.`,
    'The rule (packages/engine/src/grade/calibration-rule.ts): the baseline scores below 50; every reference at',
    'least 90 with no case over budget; every adversary (a code-only shortcut written as strongly as its author',
    'could in an hour: `adversary.public` from the public cases only, `adversary.source` from everything in the',
    'folder, the generator included) and the context-free pipeline (a reference with the evidence stripped) below',
    'the pass mark; the context-free pipeline and every ablation (a reference without one tactic) at least 10',
    'points below the best reference. Regenerate with `npm run calibration -- --secrets <a>,<b>,<c>`.',
    '',
    '| challenge | pipeline | role | correctness | cost $/case | latency p50 / p95 (ms) | calls/case | holds? |',
    '|---|---|---|---:|---:|---:|---:|---|',
  ];
  const groups = new Map();
  for (const r of rows) {
    const key = `${r.challenge}\u0000${r.pipeline}\u0000${r.problem && r.correctness === undefined ? r.problem : ''}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  for (const group of groups.values()) {
    const [r] = group;
    const problems = [...new Set(group.filter((g) => !g.holds).map((g) => g.problem))];
    const holds = problems.length === 0 ? 'yes' : `no: ${problems.join('; ')}`;
    if (r.correctness === undefined) {
      lines.push(`| ${r.challenge} | ${r.pipeline} | ${r.role} | – | – | – | – | ${holds} |`);
      continue;
    }
    const scores = group
      .map((g) => (g.correctness === undefined ? '–' : g.correctness.toFixed(2)))
      .join(' / ');
    lines.push(
      `| ${r.challenge} | ${r.pipeline} | ${r.role} | ${scores} | ${r.cost_per_case_usd.toFixed(6)} | ${Math.round(r.latency_ms.p50)} / ${Math.round(r.latency_ms.p95)} | ${r.calls_per_case.toFixed(1)} | ${holds} |`,
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
  const usingDefault = process.env.REPS_HIDDEN_SEED === undefined && !options.secrets;
  const secrets = options.secrets ?? [process.env.REPS_HIDDEN_SEED ?? 'local-dev-hidden-seed'];
  const gateway = engine.createDefaultGateway({ extraProviders: [engine.createSimProvider()], cache: false });
  const rows = [];
  for (const slug of slugs)
    for (const secret of secrets) {
      const dir = join(challengesDir, slug);
      const challenge = await engine.loadChallenge(dir);
      const entries = engine.selectCalibrationPipelines(await readdir(dir));
      const own = [];
      for (const entry of entries) {
        const started = Date.now();
        const row = await gradeOne(engine, challenge, dir, entry, { secret, gateway, count: options.cases });
        if (secrets.length > 1) row.secret = secret;
        own.push(row);
        const score = row.correctness === undefined ? '–' : row.correctness.toFixed(2);
        console.error(`${slug} ${entry.file} (${entry.role}): ${score} [${Date.now() - started} ms]`);
      }
      const missing = judgeRows(engine, challenge, own, entries);
      // Known gaps (known-gaps.json: an adversary that still passes, and why) stay "does not hold".
      const gapsFile = join(dir, 'known-gaps.json');
      const gaps = existsSync(gapsFile) ? JSON.parse(await readFile(gapsFile, 'utf8')) : {};
      for (const row of own)
        if (!row.holds && gaps[row.pipeline])
          row.problem = `${row.problem} (known gap: ${gaps[row.pipeline]})`;
      for (const row of [...own, ...missing]) {
        rows.push(row);
        if (!row.holds) console.error(`${slug} ${row.pipeline}: DOES NOT HOLD (${row.problem})`);
      }
    }
  const labels = options.secrets
    ? options.secrets.map((s) => `'${s}'`)
    : [usingDefault ? "'local-dev-hidden-seed' (the default)" : 'from REPS_HIDDEN_SEED'];
  const md = markdown(rows, labels);
  console.log(md);
  await mkdir(dirname(options.md), { recursive: true });
  await writeFile(options.md, md);
  if (options.json) {
    await mkdir(dirname(options.json), { recursive: true });
    await writeFile(
      options.json,
      `${JSON.stringify({ secret: options.secrets ? 'list' : usingDefault ? 'default' : 'env', rows }, null, 2)}\n`,
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
