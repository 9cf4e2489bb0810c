import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RepsError } from '@reps/shared';
import { generateCases } from './generate-cases.js';
import { GENERATOR_GLOBAL, loadChallenge } from './load-challenge.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'echo-sum');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'reps-challenge-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** A copy of the fixture whose files a test may change. */
async function copyFixture(): Promise<string> {
  const dir = join(work, 'echo-sum');
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<RepsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RepsError) return error;
    throw error;
  }
  throw new Error('expected a RepsError');
}

async function editManifest(dir: string, from: string, to: string): Promise<void> {
  const file = join(dir, 'challenge.yaml');
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  await writeFile(file, text.replace(from, to));
}

describe('loadChallenge', () => {
  it('reads the manifest and brief and bundles the generator with its imports', async () => {
    const challenge = await loadChallenge(FIXTURE);
    expect(challenge.manifest).toMatchObject({ slug: 'echo-sum', version: 1, submissions_per_day: 20 });
    expect(challenge.manifest.scoring.scorer).toBe('json_fields');
    expect(challenge.brief).toMatch(/^# Echo sum/);
    expect(challenge.generatorScript).toContain(GENERATOR_GLOBAL);
    expect(challenge.generatorScript).toContain('reduce');
    expect(challenge.scorerScript).toBeUndefined();
  });

  it('reports an unknown manifest key with file, line and column and a suggestion', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'difficulty: 1', 'dificulty: 1');
    const error = await failure(loadChallenge(dir));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(
      /challenge\.yaml:7:1: unknown key "dificulty" \(did you mean "difficulty"\?\)/,
    );
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'dificulty', line: 7, column: 1 }));
  });

  it('reports a YAML syntax error with its position', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'title: Echo sum', 'title: [Echo sum');
    const error = await failure(loadChallenge(dir));
    expect(error.message).toMatch(/challenge\.yaml:\d+:\d+: YAML/);
  });

  it('points at a value out of range', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'pass_mark: 90', 'pass_mark: 190');
    const error = await failure(loadChallenge(dir));
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'scoring.pass_mark', line: 34, column: 14 }),
    );
  });

  it('rejects bad scorer params at load time, at the param', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'compare: numeric, abs: 0', 'compare: numeric, abs: -1');
    const error = await failure(loadChallenge(dir));
    expect(error.message).toMatch(/scoring\.params\.fields\.0\.abs/);
    expect(error.issues[0]).toMatchObject({ path: 'scoring.params.fields.0.abs', line: 33 });
  });

  it('rejects an output schema ajv cannot compile', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'sum: { type: integer }', 'sum: { type: integr }');
    const error = await failure(loadChallenge(dir));
    expect(error.message).toMatch(/output_schema: not a valid JSON Schema/);
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(18);
  });

  it('rejects a schema pattern the linear-time engine cannot run, at its line and column', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'sum: { type: integer }', 'sum: { type: string, pattern: "^(?!0)" }');
    const error = await failure(loadChallenge(dir));
    expect(error.message).toContain('output_schema: pattern "^(?!0)": lookahead is not supported');
    expect(error.issues[0]).toMatchObject({
      path: 'output_schema.properties.sum.pattern',
      line: 21,
      column: 35,
    });
  });

  it('requires scorer.ts when the scorer is custom', async () => {
    const dir = await copyFixture();
    await editManifest(dir, 'scorer: json_fields', 'scorer: custom');
    await editManifest(dir, '    fields:\n      - { path: sum, compare: numeric, abs: 0 }\n', '    {}\n');
    const error = await failure(loadChallenge(dir));
    expect(error.message).toMatch(/scorer\.ts does not exist/);
  });

  it('bundles scorer.ts when present', async () => {
    const dir = await copyFixture();
    await writeFile(
      join(dir, 'scorer.ts'),
      'export function score(o: { sum: number }, e: { sum: number }) { return { score: o.sum === e.sum ? 1 : 0, reason: "ok" }; }\n',
    );
    const challenge = await loadChallenge(dir);
    expect(challenge.scorerScript).toContain('__reps_scorer');
  });

  it('names a missing brief', async () => {
    const dir = await copyFixture();
    await rm(join(dir, 'brief.md'));
    expect((await failure(loadChallenge(dir))).message).toMatch(/brief\.md is missing/);
  });

  it('rejects a generator importing a package it cannot bundle', async () => {
    const dir = await copyFixture();
    await writeFile(
      join(dir, 'generator.ts'),
      "import { x } from 'left-pad-nowhere';\nexport const generate = () => x;\n",
    );
    const error = await failure(loadChallenge(dir));
    expect(error.message).toMatch(/Could not bundle .*generator\.ts/);
  });

  it('bundles the generator kit and a data file of the folder, wherever the folder sits', async () => {
    const dir = await copyFixture();
    await writeFile(join(dir, 'words.ts'), "export const LEAD = ['Sum', 'Add up'] as const;\n");
    await writeFile(
      join(dir, 'generator.ts'),
      [
        "import { capitalise, numberWords } from '@reps/engine/generator-kit';",
        "import { add } from './add.js';",
        "import { LEAD } from './words.js';",
        'export const generate = (rng: { int(a: number, b: number): number; pick<T>(x: readonly T[]): T }) => {',
        '  const numbers = [rng.int(1, 40), rng.int(1, 40)];',
        "  const question = `${rng.pick(LEAD)} ${numbers.map((n) => numberWords(n)).join(' and ')}?`;",
        '  const sum = add(numbers);',
        "  return { input: { question: capitalise(question), numbers }, expected: { sum }, facts: [{ id: 'total', text: capitalise(question), answers: { sum } }] };",
        '};',
      ].join('\n'),
    );
    const challenge = await loadChallenge(dir);
    // The kit is inlined: the sandbox has no module loader, so no import may survive bundling.
    expect(challenge.generatorScript).not.toMatch(/\bimport\b|\brequire\(/);
    const cases = await generateCases(challenge, { kind: 'public', count: 3 });
    for (const c of cases) {
      const { question, numbers } = c.input as { question: string; numbers: number[] };
      expect(question).toMatch(/^(Sum|Add up) [a-z-]+ and [a-z-]+\?$/);
      expect(numbers).toHaveLength(2);
      expect((c.expected as { sum: number }).sum).toBe(numbers[0]! + numbers[1]!);
    }
  });

  it('gives generated cases that match the fixture', async () => {
    const cases = await generateCases(await loadChallenge(FIXTURE), { kind: 'public' });
    expect(cases).toHaveLength(5);
    for (const c of cases) {
      const { numbers } = c.input as { numbers: number[] };
      expect((c.expected as { sum: number }).sum).toBe(numbers.reduce((a, b) => a + b, 0));
    }
  });
});
