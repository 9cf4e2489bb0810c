import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChallengeCase } from '@reps/shared';
import { generateCases } from './generate-cases.js';
import { loadChallenge } from './load-challenge.js';
import { validateChallengeDir } from './validate-challenge-dir.js';

/**
 * The catalogue (challenges/<slug>/) as CI sees it: every folder loads and validates, its generator
 * gives many valid cases whose expected output agrees with the facts, and its calibration holds
 * (README.md, "Authoring a challenge"): the baseline scores below 50 and every reference at least 90, within
 * budget, on the hidden cases of two different secrets (a reference must not depend on one
 * hidden set). `npm run calibration` prints the same numbers for the default secret.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const CATALOGUE = join(ROOT, 'challenges');
const SLUGS = existsSync(CATALOGUE)
  ? readdirSync(CATALOGUE, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(CATALOGUE, d.name, 'challenge.yaml')))
      .map((d) => d.name)
      .sort()
  : [];
const SECRETS = ['local-dev-hidden-seed', 'catalogue-test-second-secret'];
const GENERATED = 300;
// Grading is the slow part (a dozen challenges × pipelines × secrets); each test may take a while.
const SLOW = 120_000;

interface CalibrationRow {
  challenge: string;
  pipeline: string;
  role: 'baseline' | 'reference';
  holds: boolean;
  problem?: string;
}

/**
 * Grading every pipeline of the catalogue on two hidden sets is the slow part, and it is several
 * times faster in plain Node than under jest's module VM; so it runs scripts/calibration.mjs (the
 * check `npm run calibration` makes) on the built engine, one process per secret, both at once.
 * `npm test` builds first; run `npm run build` before running this file on its own.
 */
const runs = new Map<string, Promise<CalibrationRow[]>>();
function calibration(secret: string): Promise<CalibrationRow[]> {
  let run = runs.get(secret);
  if (!run) {
    const out = mkdtempSync(join(tmpdir(), 'reps-calibration-'));
    const json = join(out, 'calibration.json');
    const script = join(ROOT, 'scripts', 'calibration.mjs');
    run = new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [script, '--json', json, '--md', join(out, 'calibration.md')],
        { env: { ...process.env, REPS_HIDDEN_SEED: secret }, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          // Exit code 1 only says that some calibration does not hold: the rows say which.
          if (error && error.code !== 1) return reject(new Error(`calibration.mjs failed: ${stderr}`));
          try {
            resolve(JSON.parse(readFileSync(json, 'utf8')).rows);
          } catch (caught) {
            reject(caught);
          }
        },
      );
    });
    runs.set(secret, run);
  }
  return run;
}
// Both start now and run while the in-process checks below generate and validate cases.
if (SLUGS.length) for (const secret of SECRETS) calibration(secret).catch(() => {});

function pipelines(dir: string): { file: string; role: 'baseline' | 'reference' }[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.pipeline.yaml'));
  return files
    .filter((f) => f === 'baseline.pipeline.yaml' || /^reference(\.[\w-]+)?\.pipeline\.yaml$/.test(f))
    .sort()
    .map((file) => ({ file, role: file === 'baseline.pipeline.yaml' ? 'baseline' : 'reference' }));
}

/**
 * Where checkable without knowing the challenge: a record of the expected output that names a fact
 * unit by id must give that unit's answer for every aspect it has a field for.
 */
function factDisagreements(testCase: ChallengeCase): string[] {
  const units = new Map(testCase.facts.map((u) => [u.id, u]));
  const found: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const unit = Object.values(record)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => units.get(v))
      .find((u) => u !== undefined);
    if (unit) {
      for (const [aspect, answer] of Object.entries(unit.answers))
        if (aspect in record && JSON.stringify(record[aspect]) !== JSON.stringify(answer))
          found.push(
            `${testCase.id} ${path}.${aspect}: expected says ${JSON.stringify(record[aspect])}, the facts ${JSON.stringify(answer)}`,
          );
    }
    for (const [key, value] of Object.entries(record)) visit(value, `${path}.${key}`);
  };
  visit(testCase.expected, 'expected');
  return found;
}

function inputStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) inputStrings(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) inputStrings(item, out);
  return out;
}

describe('the challenge catalogue', () => {
  it('has challenges', () => {
    expect(SLUGS.length).toBeGreaterThan(0);
  });

  describe.each(SLUGS)('%s', (slug) => {
    const dir = join(CATALOGUE, slug);

    it(
      'is a valid challenge folder with a brief, a baseline and a reference',
      async () => {
        expect(await validateChallengeDir(dir)).toEqual([]);
        expect(readFileSync(join(dir, 'brief.md'), 'utf8').length).toBeGreaterThan(400);
        const roles = pipelines(dir).map((p) => p.role);
        expect(roles).toContain('baseline');
        expect(roles).toContain('reference');
      },
      SLOW,
    );

    it(
      `generates ${GENERATED} valid cases whose units are in the input and agree with the expected output`,
      async () => {
        const challenge = await loadChallenge(dir);
        // generateCases checks every case against the manifest's schemas and the facts schema.
        const cases = await generateCases(challenge, { kind: 'public', count: GENERATED });
        const problems: string[] = [];
        for (const testCase of cases) {
          expect(testCase.facts.length).toBeGreaterThan(0);
          const text = inputStrings(testCase.input).join('\n');
          for (const unit of testCase.facts)
            if (!text.includes(unit.text))
              problems.push(`${testCase.id}: unit ${unit.id} is not in the input`);
          problems.push(...factDisagreements(testCase));
          if (problems.length > 5) break;
        }
        expect(problems).toEqual([]);
        // A long tail: inputs differ from case to case.
        expect(new Set(cases.map((c) => JSON.stringify(c.input))).size).toBe(GENERATED);
      },
      SLOW,
    );

    it.each(SECRETS)(
      'calibrates on the hidden cases of secret "%s"',
      async (secret) => {
        const rows = (await calibration(secret)).filter((r) => r.challenge === slug);
        expect(rows.map((r) => r.role)).toContain('reference');
        expect(rows.filter((r) => !r.holds).map((r) => `${r.pipeline}: ${r.problem}`)).toEqual([]);
      },
      SLOW,
    );
  });
});
