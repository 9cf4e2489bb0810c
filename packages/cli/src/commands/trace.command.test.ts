import { ECHO_SUM, reps, scratch } from '../cli-test-kit.js';

const CHECKED = 'examples/echo-sum/checked.pipeline.yaml';

describe('reps trace', () => {
  let traces: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    traces = await scratch({});
    const run = await reps(['run', CHECKED, '--challenge', ECHO_SUM, '--save-trace', traces.dir]);
    expect(run.code).toBe(0);
  });
  afterAll(() => traces.cleanup());

  it('prints a timeline of steps, calls, prompts and outputs with virtual times', async () => {
    const { code, stdout } = await reps(['trace', 'public-4', '--dir', traces.dir]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`public-4 · echo-sum v1 · ${CHECKED}`);
    expect(lines[1]).toMatch(
      /^status ok · score 1\.00 · latency [\d,]+ ms · 3 calls · \d+→\d+ tok · \$0\.\d{6}$/,
    );
    expect(stdout).toMatch(/^expected {"sum":74}$/m);
    // A step line: start–end, then the step; its call indented under it, then the prompt.
    expect(stdout).toMatch(/^\s*0–\s*\d+\s{2,}answer · llm · ok · 1 call/m);
    expect(stdout).toMatch(/^\s*0–\s*\d+\s{4,}call attempt 1 · sim-mini · \d+→\d+ tok · \$/m);
    expect(stdout).toMatch(/^\s+prompt Case 4: what is 29 \+ 45\? Reply with the total as JSON\.$/m);
    // The correction loop: failing rounds, the redos with their feedback, then a clean round.
    expect(stdout).toMatch(/^\s+round 0 · 1 failing$/m);
    expect(stdout).toMatch(/The total 85 is wrong/);
    expect(stdout).toMatch(/^\s+round 2 · 0 failing$/m);
  });

  it('clips long prompts unless --full is given', async () => {
    const clipped = await reps(['trace', 'public-4', '--dir', traces.dir]);
    const full = await reps(['trace', 'public-4', '--dir', traces.dir, '--full']);
    expect(clipped.stdout).toMatch(/The total 85 is wrong; add the numbers again…$/m);
    expect(full.stdout).toContain('The total 85 is wrong; add the numbers again.');
    expect(full.stdout).toMatch(/^\s+user:$/m);
  });

  it('reads a trace file by path and prints the record with --json', async () => {
    const { code, stdout } = await reps(['trace', `${traces.dir}/public-2.json`, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ format: 'reps-trace/1', case_id: 'public-2' });
  });

  it('exits 2 naming the saved cases when a case has no trace', async () => {
    const { code, stderr } = await reps(['trace', 'public-9', '--dir', traces.dir]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(
      /^reps: not_found: no saved trace for case public-9 .*saved: public-1, public-2, public-3, public-4, public-5\)$/,
    );
  });

  it('explains that hidden cases are never saved', async () => {
    const { code, stderr } = await reps(['trace', 'hidden-3', '--dir', traces.dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('hidden cases have no saved traces');
  });
});
