#!/usr/bin/env node
// `npm run sim:study`: the calibration study of the simulated models (docs/sim.md). Runs on the
// built engine; writes the results as JSON (stdout, or --json <file>) and a markdown table
// (--md <file>, default: printed to stderr). Deterministic: the same build gives the same table.
import { writeFileSync } from 'node:fs';
import { ruleStudyMarkdown, runRuleStudy } from '../packages/engine/dist/models/sim/study/rule-study.js';
import { runStudy, studyMarkdown } from '../packages/engine/dist/models/sim/study/sim-study.js';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const cases = Number(option('--cases') ?? 40);
const draws = Number(option('--draws') ?? 2000);
const results = await runStudy({ cases, units: 40 });
const rules = runRuleStudy(draws);
const json = JSON.stringify({ cases, units: 40, results, draws, rules }, null, 2);
const markdown = `${studyMarkdown(results)}\n\n${ruleStudyMarkdown(rules)}`;
if (option('--json')) writeFileSync(option('--json'), `${json}\n`);
else process.stdout.write(`${json}\n`);
if (option('--md')) writeFileSync(option('--md'), `${markdown}\n`);
else process.stderr.write(`\n${markdown}\n`);
