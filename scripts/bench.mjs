#!/usr/bin/env node
// `npm run bench`: runs every benchmark, each in its own process (so one cannot warm or slow
// another), and prints one JSON document with all results side by side. Benchmarks are files
// named *.bench.mjs under packages/*/bench and apps/*/bench; each prints one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { root } from './lib/stack.mjs';

const only = process.argv[2];
const dirs = ['packages', 'apps'].flatMap((top) =>
  readdirSync(join(root, top)).map((name) => join(root, top, name, 'bench')),
);
const files = dirs
  .filter(existsSync)
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.bench.mjs'))
      .map((f) => join(dir, f)),
  )
  .filter((file) => !only || file.includes(only))
  .sort();

const results = {};
for (const file of files) {
  const name = relative(root, file)
    .replace(/\/bench\//, ':')
    .replace(/\.bench\.mjs$/, '');
  process.stderr.write(`bench ${name} …\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', file], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  try {
    results[name] = JSON.parse(run.stdout.trim().split('\n').pop());
  } catch {
    results[name] = { error: `exit ${run.status}`, stderr: run.stderr.slice(-2000) };
  }
}

const report = {
  at: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memory_gb: Math.round(totalmem() / 2 ** 30),
  },
  results,
};
console.log(JSON.stringify(report, null, 2));
process.exit(Object.values(results).some((r) => r.error) ? 1 : 0);
