import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC_CASES_FILE, readPublicCases, writePublicCases } from './public-cases-file.js';
import { validateChallengeDir } from './validate-challenge-dir.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'echo-sum');

let work: string;
let dir: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'reps-validate-'));
  dir = join(work, 'echo-sum');
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => rm(work, { recursive: true, force: true }));

const errors = <T extends { severity: string }>(problems: T[]): T[] =>
  problems.filter((p) => p.severity === 'error');

describe('writePublicCases and validateChallengeDir', () => {
  it('asks for public.cases.json when it is missing', async () => {
    const problems = await validateChallengeDir(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/public\.cases\.json is missing/),
      }),
    ]);
  });

  it('finds nothing wrong once the public cases are written', async () => {
    const file = await writePublicCases(dir);
    expect(file).toMatchObject({ slug: 'echo-sum', version: 1, seed: 'public:echo-sum:1' });
    expect(file.cases).toHaveLength(5);
    expect(await readPublicCases(dir)).toEqual(file);
    expect(await validateChallengeDir(dir)).toEqual([]);
  });

  it('reports public.cases.json out of date with where it differs', async () => {
    await writePublicCases(dir);
    const path = join(dir, PUBLIC_CASES_FILE);
    const stored = JSON.parse(await readFile(path, 'utf8'));
    stored.cases[2].expected.sum += 1;
    await writeFile(path, JSON.stringify(stored));
    const problems = await validateChallengeDir(dir);
    expect(problems[0]?.message).toMatch(/out of date \(differs at "cases\.2\.expected\.sum"\)/);
  });

  it('keeps a generator that tries to count across cases deterministic (frozen globals)', async () => {
    await writePublicCases(dir);
    await writeFile(
      join(dir, 'generator.ts'),
      `export function generate(rng: { int(a: number, b: number): number }, index: number) {
  const g = globalThis as unknown as { n?: number };
  try { g.n = (g.n ?? 0) + 1; } catch {}
  const numbers = [index, g.n ?? 0];
  return { input: { question: 'q', numbers }, expected: { sum: numbers[0] + numbers[1] }, facts: [] };
}
`,
    );
    const problems = errors(await validateChallengeDir(dir));
    // Frozen globals make the counter a no-op, so the generator is deterministic after all; only the
    // stale public file is reported. Determinism is enforced by the sandbox, not just detected.
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/not deterministic/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/out of date/);
  });

  it('reports a generator that ignores rng (hidden equals public)', async () => {
    await writeFile(
      join(dir, 'generator.ts'),
      "export const generate = (_rng: unknown, index: number) => ({ input: { question: 'q', numbers: [index, 1] }, expected: { sum: index + 1 }, facts: [] });\n",
    );
    await writePublicCases(dir);
    const problems = errors(await validateChallengeDir(dir));
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/same input as a public case/),
    );
  });

  it('warns when a fact unit text is not in the input', async () => {
    await writeFile(
      join(dir, 'generator.ts'),
      "export const generate = (rng: { int(a: number, b: number): number }) => { const n = [rng.int(0, 9), rng.int(10, 99)]; return { input: { question: 'q', numbers: n }, expected: { sum: n[0] + n[1] }, facts: [{ id: 'u', text: 'not in the input', answers: { sum: 1 } }] }; };\n",
    );
    await writePublicCases(dir);
    const problems = await validateChallengeDir(dir);
    expect(errors(problems)).toEqual([]);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(/fact unit "u" does not appear/),
    });
  });

  it('reports manifest problems with file, line and column', async () => {
    const path = join(dir, 'challenge.yaml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('difficulty: 1', 'difficulty: 9'));
    const problems = await validateChallengeDir(dir);
    expect(problems).toEqual([
      expect.objectContaining({ file: path, path: 'difficulty', line: 7, column: 13, severity: 'error' }),
    ]);
  });

  it('reports a folder whose name is not the slug', async () => {
    const other = join(work, 'renamed');
    await cp(dir, other, { recursive: true });
    await writePublicCases(other);
    const problems = await validateChallengeDir(other);
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/named "renamed" but the slug is "echo-sum"/),
    );
  });

  it('reports a runaway generator as a problem, not a hang', async () => {
    await writeFile(join(dir, 'generator.ts'), 'export function generate() { for (;;) {} }\n');
    const problems = await validateChallengeDir(dir, { limits: { deadlineMs: 100 } });
    expect(problems).toEqual([expect.objectContaining({ code: 'sandbox_limit', severity: 'error' })]);
  });
});
