import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChallengeCase } from '@reps/shared';
import { missingCalibrationPipelines, selectCalibrationPipelines } from '../grade/calibration-rule.js';
import { generateCases } from './generate-cases.js';
import { loadChallenge } from './load-challenge.js';
import { validateChallengeDir } from './validate-challenge-dir.js';

/**
 * The catalogue (challenges/<slug>/) as CI sees it: every folder loads and validates, its generator
 * gives many valid cases whose expected output agrees with the facts and whose evidence is in the
 * input or the brief, and its calibration holds by the engine's rule (calibration-rule.ts,
 * docs/calibration.md) on the hidden cases of two secrets (nothing may depend on one hidden set):
 * baseline below 50, references at least 90 within budget, both adversaries and the context-free
 * pipeline below the pass mark. `npm run calibration` prints the same numbers for one secret.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const CATALOGUE = join(ROOT, 'challenges');
const SLUGS = existsSync(CATALOGUE)
  ? readdirSync(CATALOGUE, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(CATALOGUE, d.name, 'challenge.yaml')))
      .map((d) => d.name)
      .sort()
  : [];
// Two hidden sets in CI (each calibration grades every pipeline, adversaries included, on every
// hidden case: a few minutes of CPU per challenge); `npm run calibration -- --secrets a,b,c` runs more.
const SECRETS = ['local-dev-hidden-seed', 'catalogue-test-second-secret'];
const GENERATED = 300;
// Generating and validating cases takes a while per challenge …
const SLOW = 600_000;
// … and each calibration test waits for the whole catalogue's run on its secret (every pipeline,
// adversaries included, on every hidden case: about a quarter of an hour of CPU on this machine).
const CALIBRATION = 2_700_000;

interface CalibrationRow {
  challenge: string;
  pipeline: string;
  role: string;
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

/** The shortcut checks a challenge lists as known gaps: pipeline file → why (adversaries only). */
function knownGaps(dir: string): Map<string, string> {
  const file = join(dir, 'known-gaps.json');
  if (!existsSync(file)) return new Map();
  const gaps = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (const [pipeline, why] of Object.entries(gaps)) {
    expect(pipeline).toMatch(/^adversary\.[a-z0-9-]+\.pipeline\.yaml$/);
    expect(typeof why === 'string' && why.length > 20).toBe(true);
  }
  return new Map(Object.entries(gaps));
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
      'is a valid challenge folder with a brief, a baseline, a reference, two adversaries and a context-free pipeline',
      async () => {
        expect(await validateChallengeDir(dir)).toEqual([]);
        expect(readFileSync(join(dir, 'brief.md'), 'utf8').length).toBeGreaterThan(400);
        const entries = selectCalibrationPipelines(readdirSync(dir));
        expect(missingCalibrationPipelines(entries, { catalogue: true })).toEqual([]);
      },
      SLOW,
    );

    it(
      `generates ${GENERATED} valid cases whose units and evidence are in the input and agree with the expected output`,
      async () => {
        const challenge = await loadChallenge(dir);
        // generateCases checks every case against the manifest's schemas and the facts schema.
        const cases = [
          ...(await generateCases(challenge, { kind: 'public', count: GENERATED })),
          ...(await generateCases(challenge, { kind: 'hidden', secret: SECRETS[0], count: 50 })),
        ];
        const brief = readFileSync(join(dir, 'brief.md'), 'utf8');
        const problems: string[] = [];
        for (const testCase of cases) {
          expect(testCase.facts.length).toBeGreaterThan(0);
          const text = inputStrings(testCase.input).join('\n');
          for (const unit of testCase.facts) {
            if (!text.includes(unit.text))
              problems.push(`${testCase.id}: unit ${unit.id} is not in the input`);
            for (const [aspect, spans] of Object.entries(unit.evidence ?? {}))
              for (const span of spans)
                if (!text.includes(span) && !brief.includes(span))
                  problems.push(
                    `${testCase.id}: evidence of ${unit.id}.${aspect} is in neither the input nor the brief`,
                  );
          }
          problems.push(...factDisagreements(testCase));
          if (problems.length > 5) break;
        }
        expect(problems).toEqual([]);
        // A long tail: inputs differ from case to case.
        expect(new Set(cases.map((c) => JSON.stringify(c.input))).size).toBe(cases.length);
      },
      SLOW,
    );

    it.each(SECRETS)(
      'calibrates on the hidden cases of secret "%s"',
      async (secret) => {
        const rows = (await calibration(secret)).filter((r) => r.challenge === slug);
        expect(rows.map((r) => r.role)).toContain('reference');
        // A shortcut check that does not hold yet may be listed, with why, in known-gaps.json (an
        // adversary only: never a baseline, reference or context-free pipeline); docs/calibration.md
        // shows it as not holding. Nothing else may fail.
        const gaps = knownGaps(dir);
        const failing = rows.filter((r) => !r.holds && !gaps.has(r.pipeline));
        expect(failing.map((r) => `${r.pipeline}: ${r.problem}`)).toEqual([]);
      },
      CALIBRATION,
    );
  });
});
