import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateCases, type LoadedChallenge, loadChallenge } from '@reps/engine';
import { challengeBundleSchema } from '@reps/shared';
import { ECHO_SUM, reps, scratch } from '../../cli-test-kit.js';

const SLOW = 60_000;

describe('reps challenge new', () => {
  let work: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    work = await scratch({});
  });
  afterAll(() => work.cleanup());

  it(
    'scaffolds a challenge that validates and calibrates as it is',
    async () => {
      const created = await reps(['challenge', 'new', 'feedback-labels'], { cwd: work.dir });
      expect(created.code).toBe(0);
      const dir = join(work.dir, 'challenges', 'feedback-labels');
      expect((await readdir(dir)).sort()).toEqual([
        'baseline.pipeline.yaml',
        'brief.md',
        'challenge.yaml',
        'generator.ts',
        'public.cases.json',
        'reference.pipeline.yaml',
      ]);
      expect(await readFile(join(dir, 'generator.ts'), 'utf8')).toContain(
        "import type { Generate, Rng } from '@reps/engine';",
      );
      expect(await readFile(join(dir, 'challenge.yaml'), 'utf8')).not.toMatch(/TODO/);

      const validated = await reps(['challenge', 'validate', 'challenges/feedback-labels'], {
        cwd: work.dir,
      });
      expect(validated).toMatchObject({
        code: 0,
        stdout: 'ok: challenges/feedback-labels is a valid challenge\n',
      });

      const pipelines = await reps(
        [
          'validate',
          '--challenge',
          dir,
          join(dir, 'baseline.pipeline.yaml'),
          join(dir, 'reference.pipeline.yaml'),
        ],
        { cwd: work.dir },
      );
      expect(pipelines.code).toBe(0);

      const tested = await reps(['challenge', 'test', dir, '--json'], { cwd: work.dir });
      expect(tested.code).toBe(0);
      const report = JSON.parse(tested.stdout);
      expect(report).toMatchObject({ holds: true, hidden_seed: 'local-default', problems: [], cases: 50 });
      const [baseline, reference] = report.lines;
      expect(baseline).toMatchObject({ pipeline: 'baseline', holds: true });
      expect(baseline.correctness).toBeLessThan(50);
      expect(reference).toMatchObject({ pipeline: 'reference', holds: true, budget_exceeded: 0 });
      expect(reference.correctness).toBeGreaterThanOrEqual(90);
      expect(tested.stderr).toContain('warning: REPS_HIDDEN_SEED is not set');
    },
    SLOW,
  );

  it('refuses a slug that is not kebab-case and a folder that has files', async () => {
    const bad = await reps(['challenge', 'new', 'Bad_Slug'], { cwd: work.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Bad_Slug" is not a slug');
    await reps(['challenge', 'new', 'taken', '--dir', 'elsewhere'], { cwd: work.dir });
    const again = await reps(['challenge', 'new', 'taken', '--dir', 'elsewhere'], { cwd: work.dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'reps: conflict: elsewhere/taken already exists and is not empty; pick another slug or --dir\n',
    );
  });
});

describe('reps challenge validate', () => {
  let work: Awaited<ReturnType<typeof scratch>>;
  let dir: string;
  beforeEach(async () => {
    work = await scratch({});
    dir = join(work.dir, 'echo-sum');
    await cp(ECHO_SUM, dir, { recursive: true });
  });
  afterEach(() => work.cleanup());

  it('reports the missing public cases of the echo-sum fixture, and --write-public-cases fixes it', async () => {
    const before = await reps(['challenge', 'validate', 'echo-sum'], { cwd: work.dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^echo-sum\/public\.cases\.json:1:1 error public\.cases\.json is missing/m);
    expect(before.stdout).toContain('hint: reps challenge validate echo-sum --write-public-cases');
    expect(before.stdout).toMatch(/^1 error, 0 warnings$/m);

    const after = await reps(['challenge', 'validate', 'echo-sum', '--write-public-cases'], {
      cwd: work.dir,
    });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain('wrote public.cases.json (5 cases, seed public:echo-sum:1)');
    expect(after.stdout).toBe('ok: echo-sum is a valid challenge\n');
  });

  it('points at the line and column of a manifest problem', async () => {
    const manifest = join(dir, 'challenge.yaml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('difficulty: 1', 'difficulty: 9'));
    const { code, stdout } = await reps(['challenge', 'validate', dir], { cwd: work.dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^echo-sum\/challenge\.yaml:7:13 error difficulty expected number to be <=5$/m);
  });

  it('says public.cases.json is out of date once the generator changes', async () => {
    await reps(['challenge', 'validate', dir, '--write-public-cases'], { cwd: work.dir });
    const generator = join(dir, 'generator.ts');
    await writeFile(generator, (await readFile(generator, 'utf8')).replace('rng.int(2, 6)', 'rng.int(3, 7)'));
    const { code, stdout } = await reps(['challenge', 'validate', dir], { cwd: work.dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^echo-sum\/public\.cases\.json:1:1 error public\.cases\.json is out of date \(differs at "cases\.0\./m,
    );
  });
});

describe('reps challenge test', () => {
  it(
    'fails when the baseline is too good, naming the pipeline',
    async () => {
      const work = await scratch({});
      try {
        await reps(['challenge', 'new', 'too-easy', '--dir', '.'], { cwd: work.dir });
        const dir = join(work.dir, 'too-easy');
        await writeFile(
          join(dir, 'baseline.pipeline.yaml'),
          await readFile(join(dir, 'reference.pipeline.yaml'), 'utf8'),
        );
        const { code, stdout } = await reps(['challenge', 'test', 'too-easy'], {
          cwd: work.dir,
          env: { REPS_HIDDEN_SEED: 'a-test-secret-of-16+-chars' },
        });
        expect(code).toBe(1);
        expect(stdout).toMatch(/^too-easy v1 \(too-easy\) · seed from REPS_HIDDEN_SEED\n50 hidden cases$/m);
        expect(stdout).toMatch(/^baseline\s+\d+\.\d\d\s+\$\S+\s+[\d,]+ ms\s+[\d,]+ ms\s+[\d.]+\s+0\s+no$/m);
        expect(stdout).toMatch(/^reference\s+\d+\.\d\d\s.*\syes$/m);
        expect(stdout).toMatch(/^ {2}baseline: the baseline scores [\d.]+, not below 50/m);
      } finally {
        await work.cleanup();
      }
    },
    SLOW,
  );

  it('says a challenge without baseline and reference does not calibrate', async () => {
    const { code, stdout } = await reps(['challenge', 'test', ECHO_SUM]);
    expect(code).toBe(1);
    expect(stdout).toContain('calibration does NOT hold:');
    expect(stdout).toContain('baseline.pipeline.yaml is missing');
    expect(stdout).toContain('reference.pipeline.yaml is missing');
  });
});

describe('reps challenge cases', () => {
  it('prints the public cases of echo-sum with expected outputs and facts', async () => {
    const { code, stdout, stderr } = await reps(['challenge', 'cases', ECHO_SUM]);
    expect(code).toBe(0);
    expect(stdout.match(/^── public-\d+ \(index \d+\) ──$/gm)).toHaveLength(5);
    expect(stdout).toMatch(/^expected:\n {2}\{\n {4}"sum": -?\d+\n {2}\}$/m);
    expect(stdout).toMatch(/^facts: 1 unit\n {2}total: sum=-?\d+$/m);
    expect(stderr).toBe('');
  });

  it('prints hidden cases only with --hidden, with a warning, and --count/--json', async () => {
    const { code, stdout, stderr } = await reps(
      ['challenge', 'cases', ECHO_SUM, '--hidden', '--count', '2', '--json'],
      {
        env: { REPS_HIDDEN_SEED: 'another-test-secret-16+' },
      },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('HIDDEN cases from REPS_HIDDEN_SEED, the graded set: never share');
    const cases = JSON.parse(stdout);
    expect(cases.map((c: { id: string }) => c.id)).toEqual(['hidden-1', 'hidden-2']);
  });

  it('rejects a bad --count', async () => {
    const { code, stderr } = await reps(['challenge', 'cases', ECHO_SUM, '--count', 'many']);
    expect(code).toBe(2);
    expect(stderr).toContain('--count must be a whole number');
  });
});

describe('reps challenge bundle', () => {
  it(
    'writes the upload bundle, whose generator gives the committed public cases',
    async () => {
      const work = await scratch({});
      try {
        await reps(['challenge', 'new', 'bundled', '--dir', '.'], { cwd: work.dir });
        const dir = join(work.dir, 'bundled');
        await writeFile(
          join(dir, 'reference.cheap.pipeline.yaml'),
          await readFile(join(dir, 'reference.pipeline.yaml'), 'utf8'),
        );
        const { code, stdout } = await reps(['challenge', 'bundle', 'bundled'], { cwd: work.dir });
        expect(code).toBe(0);
        expect(stdout).toMatch(
          /^wrote bundled-v1\.bundle\.json \(bundled v1, [\d.]+ KB: generator, baseline, 2 references\)$/m,
        );
        const bundle = challengeBundleSchema.parse(
          JSON.parse(await readFile(join(work.dir, 'bundled-v1.bundle.json'), 'utf8')),
        );
        expect(bundle.manifest).toBe(await readFile(join(dir, 'challenge.yaml'), 'utf8'));
        expect(bundle.baseline_pipeline).toContain('name: label-all-at-once');
        expect(bundle.reference_pipeline).toContain('name: label-each-message-vote');
        expect(Object.keys(bundle.references ?? {})).toEqual(['cheap']);
        expect(bundle.generator_script).not.toMatch(/^import /m);
        const fromBundle: LoadedChallenge = {
          ...(await loadChallenge(dir)),
          generatorScript: bundle.generator_script,
        };
        const committed = JSON.parse(await readFile(join(dir, 'public.cases.json'), 'utf8'));
        expect(await generateCases(fromBundle, { kind: 'public' })).toEqual(committed.cases);
      } finally {
        await work.cleanup();
      }
    },
    SLOW,
  );

  it('bundles nothing from a folder that does not validate', async () => {
    const work = await scratch({});
    try {
      const { code, stderr } = await reps([
        'challenge',
        'bundle',
        ECHO_SUM,
        '--out',
        join(work.dir, 'b.json'),
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain('public.cases.json is missing');
      expect(stderr).toContain('baseline.pipeline.yaml is missing');
      expect(stderr).toContain('is not ready to upload; nothing was bundled');
      expect(await readdir(work.dir)).toEqual([]);
    } finally {
      await work.cleanup();
    }
  });
});
