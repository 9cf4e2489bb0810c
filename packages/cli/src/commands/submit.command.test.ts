import { reps, scratch } from '../cli-test-kit.js';
import {
  DEFAULT_STREAM,
  type FakeApi,
  type FakeApiOptions,
  graded,
  startFakeApi,
  TEST_SUBMISSION_ID,
  TEST_TOKEN,
} from '../remote/api-test-kit.js';

const PIPELINE = 'name: p\nbudget: {}\nsteps:\n  - id: result\n    output: input\n';

describe('reps submit', () => {
  let api: FakeApi;
  let work: Awaited<ReturnType<typeof scratch>>;
  let env: Record<string, string>;
  async function start(options: FakeApiOptions = {}) {
    api = await startFakeApi(options);
    env = { REPS_URL: api.url, REPS_TOKEN: TEST_TOKEN, XDG_CONFIG_HOME: work.dir };
  }
  const submit = (...extra: string[]) =>
    reps(['submit', 'p.yaml', '--challenge', 'support-ticket-routing', ...extra], { cwd: work.dir, env });

  beforeEach(async () => {
    work = await scratch({ 'p.yaml': PIPELINE });
  });
  afterEach(async () => {
    await api?.close();
    await work.cleanup();
  });

  it('posts the pipeline, follows the stream to the end and prints the result', async () => {
    await start();
    const { code, stdout, stderr } = await submit();
    expect(code).toBe(0);
    const post = api.requests.find((r) => r.method === 'POST');
    expect(post).toEqual({
      method: 'POST',
      path: '/api/challenges/support-ticket-routing/submissions',
      authorization: `Bearer ${TEST_TOKEN}`,
      body: { pipeline: PIPELINE },
    });
    expect(api.requests.map((r) => r.path)).toContain(`/api/submissions/${TEST_SUBMISSION_ID}/events`);
    expect(stdout).toMatch(/^status\s+graded$/m);
    // Hidden-set figures as the API rounds them, and no finer.
    expect(stdout).toMatch(/^correctness\s+93\.5 ± 1\.3 \(80 hidden cases\)$/m);
    expect(stdout).toMatch(/^cost\s+~\$0\.042$/m);
    expect(stdout).toMatch(/^latency\s+p50 ~2,500 ms · p95 ~3,100 ms$/m);
    expect(stdout).toMatch(/^calls\s+20\.5 per case$/m);
    expect(stdout).toMatch(/^tokens\s+~1,500 in · ~99 out per case$/m);
    expect(stdout).toMatch(/^statuses\s+ok 78 · budget_exceeded 2$/m);
    expect(stdout).toMatch(/^failures\s+invalid_output 3$/m);
    expect(stdout).toMatch(/^leaderboard\s+#3 of 41 \(your displayed best\)$/m);
    expect(stdout).toMatch(/^verification\s+vX7kQ2mP9a \(check: reps verify vX7kQ2mP9a\)$/m);
    expect(stdout).toMatch(new RegExp(`^profile\\s+${api.url}/u/ada$`, 'm'));
    // Not a terminal: a one-line note, no progress bar.
    expect(stderr).toBe(`submitted ${TEST_SUBMISSION_ID}; grading on the hidden cases…\n`);
  });

  it('prints only the SubmissionView with --json', async () => {
    await start();
    const { code, stdout, stderr } = await submit('--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(graded());
    expect(stderr).toBe('');
  });

  it('draws a progress bar on a terminal', async () => {
    await start();
    const { stderr } = await reps(['submit', 'p.yaml', '--challenge', 'support-ticket-routing'], {
      cwd: work.dir,
      env,
      tty: true,
    });
    expect(stderr).toContain('86/86 cases');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('returns at once with --no-wait', async () => {
    await start();
    const { code, stdout } = await submit('--no-wait');
    expect(code).toBe(0);
    expect(stdout).toBe(
      `submitted ${TEST_SUBMISSION_ID} (queued)\nfollow it: reps submission ${TEST_SUBMISSION_ID} --wait\n`,
    );
    expect(api.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('prints a rejected pipeline as file:line:col code message and exits 1', async () => {
    await start({
      submit: {
        status: 422,
        issues: [
          { code: 'invalid_pipeline', message: 'model "sim-ultra" is not allowed', line: 6, column: 14 },
          { code: 'invalid_pipeline', message: 'budget.max_calls: over the cap of 160', line: 2 },
        ],
      },
    });
    const { code, stdout, stderr } = await submit();
    expect(code).toBe(1);
    expect(stdout).toBe(
      'p.yaml:6:14 invalid_pipeline model "sim-ultra" is not allowed\n' +
        'p.yaml:2:1 invalid_pipeline budget.max_calls: over the cap of 160\n',
    );
    expect(stderr).toContain('nothing was submitted');
  });

  it('prints the daily limit message and exits 1', async () => {
    const message = "You have used today's 30 submissions on support-ticket-routing; more at 00:00 UTC.";
    await start({ submit: { status: 429, message } });
    const { code, stdout, stderr } = await submit();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`reps: too_many_requests: ${message}\n`);
  });

  it('reads the stored state and reconnects when the stream ends before the final event', async () => {
    const running = graded({ status: 'running', cases_done: 24, correctness: null });
    await start({ streams: [DEFAULT_STREAM.slice(0, 2), DEFAULT_STREAM], views: [running, graded()] });
    const { code, stdout } = await submit();
    expect(code).toBe(0);
    const streamsOpened = api.requests.filter((r) => r.path.endsWith('/events')).length;
    expect(streamsOpened).toBe(2);
    expect(stdout).toMatch(/^status\s+graded$/m);
  });

  it('exits 1 with the error when grading failed', async () => {
    const failed = graded({
      status: 'failed',
      correctness: null,
      verification_id: null,
      leaderboard: null,
      error: { code: 'invalid_pipeline', message: 'The pipeline does not parse any more.' },
    });
    await start({ streams: [[{ ...DEFAULT_STREAM[0]!, status: 'failed' }]], views: [failed] });
    const { code, stdout } = await submit();
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error\s+invalid_pipeline: The pipeline does not parse any more\.$/m);
  });

  it('says how to log in when there is no token', async () => {
    await start();
    const { code, stderr } = await reps(['submit', 'p.yaml', '--challenge', 'x'], {
      cwd: work.dir,
      env: { REPS_URL: api.url, XDG_CONFIG_HOME: work.dir },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^reps: unauthenticated: not logged in to .*reps login --token <token>/);
    expect(api.requests).toEqual([]);
  });

  it('shows a submission later with reps submission <id>', async () => {
    await start();
    const { code, stdout } = await reps(['submission', TEST_SUBMISSION_ID], { cwd: work.dir, env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^correctness\s+93\.5 ± 1\.3/m);
  });
});
