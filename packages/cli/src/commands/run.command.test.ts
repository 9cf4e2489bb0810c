import { readdir } from 'node:fs/promises';
import { generateCases, loadChallenge } from '@reps/engine';
import { ECHO_SUM, reps, scratch } from '../cli-test-kit.js';
import { LOCAL_HIDDEN_SEED } from '../run/case-selection.js';

const NAIVE = 'examples/echo-sum/naive.pipeline.yaml';
const DECOMPOSED = 'examples/echo-sum/decomposed.pipeline.yaml';

describe('reps run', () => {
  let traces: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    traces = await scratch({});
  });
  afterEach(() => traces.cleanup());

  it('prints the grade as JSON and nothing else on stdout with --json', async () => {
    const { code, stdout } = await reps([
      'run',
      DECOMPOSED,
      '--challenge',
      ECHO_SUM,
      '--json',
      '--save-trace',
      traces.dir,
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      challenge: { slug: 'echo-sum', version: 1 },
      case_kind: 'public',
      correctness: 100,
      passed: true,
      calls: 0,
      statuses: { ok: 5 },
    });
    expect(report.cases).toHaveLength(5);
    expect(report.cases[0]).toMatchObject({ id: 'public-1', status: 'ok', score: 1, output: { sum: 85 } });
    expect(report.cases[0].trace.steps.map((s: { id: string }) => s.id)).toEqual(['total', 'result']);
  });

  it('scores a naive single prompt below the decomposed pipeline, the same on every run', async () => {
    const args = ['run', NAIVE, '--challenge', ECHO_SUM, '--json', '--save-trace', traces.dir];
    const first = JSON.parse((await reps(args)).stdout);
    const second = JSON.parse((await reps([...args, '--concurrency', '1'])).stdout);
    expect(first.correctness).toBeLessThan(100);
    expect(first.calls).toBe(5);
    expect(second.correctness).toBe(first.correctness);
    expect(second.cost_usd).toBe(first.cost_usd);
  });

  it('shows a table of cases and the totals, and saves public traces', async () => {
    const { code, stdout, stderr } = await reps([
      'run',
      NAIVE,
      '--challenge',
      ECHO_SUM,
      '--save-trace',
      traces.dir,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^case\s+status\s+score\s+cost\s+latency\s+calls\s+reason$/m);
    expect(stdout).toMatch(/^public-5\s+\S+\s+\d\.\d\d\s+\$/m);
    expect(stdout).toMatch(/^correctness\s+\d+\.\d\d \(pass mark 90: not passed\)$/m);
    expect(stdout).toMatch(/^latency\s+p50 \d+ ms · p95 \d+ ms$/m);
    expect(stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect((await readdir(traces.dir)).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `public-${n}.json`));
  });

  it('runs the first N public cases with --cases N', async () => {
    const { stdout } = await reps([
      'run',
      DECOMPOSED,
      '--challenge',
      ECHO_SUM,
      '--cases',
      '2',
      '--json',
      '--save-trace',
      traces.dir,
    ]);
    expect(JSON.parse(stdout).cases.map((c: { id: string }) => c.id)).toEqual(['public-1', 'public-2']);
  });

  it('never shows hidden inputs, expected outputs or traces, in the table or in JSON', async () => {
    const hidden = await generateCases(await loadChallenge(ECHO_SUM), {
      kind: 'hidden',
      secret: LOCAL_HIDDEN_SEED,
    });
    const secrets = hidden.map((c) => (c.input as { question: string }).question);
    const table = await reps([
      'run',
      NAIVE,
      '--challenge',
      ECHO_SUM,
      '--cases',
      'hidden',
      '--save-trace',
      traces.dir,
    ]);
    const json = await reps([
      'run',
      NAIVE,
      '--challenge',
      ECHO_SUM,
      '--cases',
      'hidden',
      '--json',
      '--save-trace',
      traces.dir,
    ]);
    for (const output of [table.stdout, table.stderr, json.stdout, json.stderr])
      for (const secret of secrets) expect(output).not.toContain(secret);
    expect(table.stdout).not.toMatch(/reason/);
    const report = JSON.parse(json.stdout);
    expect(report.case_kind).toBe('hidden');
    expect(report.cases).toHaveLength(50);
    for (const c of report.cases) {
      expect(Object.keys(c).sort()).toEqual([
        'calls',
        'cost_usd',
        'id',
        'latency_ms',
        'score',
        'status',
        'trace',
      ]);
      expect(JSON.stringify(c.trace)).not.toMatch(/"messages"|"prompt"|"output":|"text":|"input":/);
    }
    expect(await readdir(traces.dir)).toEqual([]);
    expect(json.stderr).toContain(
      `REPS_HIDDEN_SEED is not set; hidden cases use the local default seed "${LOCAL_HIDDEN_SEED}"`,
    );
  });

  it('uses REPS_HIDDEN_SEED when it is set, without a warning', async () => {
    const env = { REPS_HIDDEN_SEED: 'a-secret-of-at-least-16-chars' };
    const args = [
      'run',
      NAIVE,
      '--challenge',
      ECHO_SUM,
      '--cases',
      'hidden',
      '--json',
      '--save-trace',
      traces.dir,
    ];
    const { stdout, stderr } = await reps(args, { env });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).hidden_seed).toBe('env');
  });

  it('exits 1 under --fail-under, 0 without it, for the same failing run', async () => {
    const base = ['run', NAIVE, '--challenge', ECHO_SUM, '--save-trace', traces.dir];
    expect((await reps(base)).code).toBe(0);
    const under = await reps([...base, '--fail-under', '90']);
    expect(under.code).toBe(1);
    expect(under.stderr).toMatch(/is under --fail-under 90/);
  });

  it('exits 1 with positioned issues for an invalid pipeline, keeping stdout empty under --json', async () => {
    const { dir, cleanup } = await scratch({
      'p.yaml': 'name: p\nbudget: {}\nsteps:\n  - id: a\n    llm: { model: echo, prompt: hi }\n',
    });
    try {
      const { code, stdout, stderr } = await reps(['run', 'p.yaml', '--challenge', ECHO_SUM, '--json'], {
        cwd: dir,
      });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^p\.yaml:5:\d+ invalid_pipeline unknown model "echo"/m);
    } finally {
      await cleanup();
    }
  });

  it('exits 2 for an unknown challenge slug, listing none when there is no catalogue', async () => {
    const { dir, cleanup } = await scratch({});
    try {
      const { code, stderr } = await reps(['run', `${process.cwd()}/${NAIVE}`, '--challenge', 'no-such'], {
        cwd: dir,
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^reps: not_found: no challenge "no-such" under \.\/challenges\//);
    } finally {
      await cleanup();
    }
  });

  it('exits 2 for a bad --cases value', async () => {
    const { code, stderr } = await reps(['run', NAIVE, '--challenge', ECHO_SUM, '--cases', '99']);
    expect(code).toBe(2);
    expect(stderr).toBe('reps: validation_failed: --cases 99: echo-sum has only 5 public cases\n');
  });
});
