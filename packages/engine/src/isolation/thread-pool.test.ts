import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge } from '../challenges/load-challenge.js';
import { GeneratedCaseCache } from './case-cache.js';
import { gradeChallengeIsolated, IsolatedGrader } from './grade-challenge-isolated.js';
import { GradingThread } from './grading-thread.js';
import { GradingThreadPool } from './thread-pool.js';

jest.setTimeout(120_000);

const root = process.cwd();
const echoSum = join(root, 'packages/engine/src/challenges/fixtures/echo-sum');
const misbehaving = new URL('./fixtures/misbehaving-provider.mjs', import.meta.url).href;

/** Code only: each case's answer, and what a case's sandbox can see of any earlier one. */
const probe = `name: probe
budget: {}
steps:
  - id: seen
    code: |
      const before = Object.keys(globalThis).filter((k) => k.startsWith('left_'));
      try { globalThis['left_' + input.question.length] = input.question; } catch {}
      return { sum: input.numbers.reduce((a, b) => a + b, 0), before };
  - id: result
    output: seen
`;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('GradingThreadPool', () => {
  it('lends the threads of one job to the next, which grades exactly as fresh threads do', async () => {
    const challenge = await loadChallenge(echoSum);
    const pool = new GradingThreadPool();
    try {
      const grading = {
        challenge,
        pipelineSource: probe,
        kind: 'public' as const,
        threads: 2,
        caseCache: false as const,
      };
      const fresh = await gradeChallengeIsolated({ ...grading, threadPool: false });
      expect(pool.size).toEqual({ idle: 0, resetting: 0, started: 0 });
      const first = await gradeChallengeIsolated({ ...grading, threadPool: pool });
      expect(await until(() => pool.size.idle === 2)).toBe(true);
      const second = await gradeChallengeIsolated({ ...grading, threadPool: pool });
      // The second job took both idle threads and gave them back: no thread was started for it.
      expect(await until(() => pool.size.resetting === 0)).toBe(true);
      expect(pool.size).toEqual({ idle: 2, resetting: 0, started: 2 });
      for (const outcome of [first, second]) expect(JSON.stringify(outcome)).toBe(JSON.stringify(fresh));
      if (!fresh.ok) throw new Error('the probe should grade');
      // Nothing one case's code left reached another case, in this job or the last.
      for (const result of fresh.result.cases) expect(result.output).toMatchObject({ before: [] });
    } finally {
      await pool.close();
    }
    expect(pool.size).toEqual({ idle: 0, resetting: 0, started: 2 });
  });

  it('takes a thread still dropping its last job rather than starting one', async () => {
    const challenge = await loadChallenge(echoSum);
    const pool = new GradingThreadPool();
    try {
      const grader = new IsolatedGrader({ threads: 1 }, pool);
      await grader.grade({ challenge, pipelineSource: probe, kind: 'public' });
      await grader.close();
      expect(pool.size).toEqual({ idle: 0, resetting: 1, started: 1 });
      const again = await gradeChallengeIsolated({
        challenge,
        pipelineSource: probe,
        kind: 'public',
        threads: 1,
        threadPool: pool,
      });
      expect(again.ok).toBe(true);
      expect(await until(() => pool.size.idle === 1 && pool.size.resetting === 0)).toBe(true);
      expect(pool.size.started).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('never lends a job a thread its reset would not keep, even one taken while still resetting', async () => {
    const challenge = await loadChallenge(echoSum);
    // No heap may be kept: every reset's verdict is to end the thread.
    const pool = new GradingThreadPool({ maxHeapShare: 0 });
    try {
      const grading = { challenge, pipelineSource: probe, kind: 'public' as const };
      const grader = new IsolatedGrader({ threads: 1 }, pool);
      const first = await grader.grade(grading);
      await grader.close();
      expect(pool.size).toEqual({ idle: 0, resetting: 1, started: 1 });
      const again = await gradeChallengeIsolated({ ...grading, threads: 1, threadPool: pool });
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      // The second job waited for the verdict and ran in a thread started for it.
      expect(pool.size.started).toBe(2);
      expect(await until(() => pool.size.resetting === 0)).toBe(true);
      expect(pool.size.idle).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('answers a reset asked while the last one is still judged, and judges that one too', async () => {
    // A job took the thread during its reset and gave it back before sending anything.
    const thread = new GradingThread(64);
    let restarts = 0;
    try {
      const first = thread.reset();
      thread.holdUntil(
        first.then((heapBytes) => heapBytes !== undefined),
        () => restarts++,
      );
      const second = thread.reset();
      const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5000).unref());
      expect(await Promise.race([first, late])).toEqual(expect.any(Number));
      expect(await Promise.race([second, late])).toEqual(expect.any(Number));
      expect(restarts).toBe(0);
      expect(thread.alive).toBe(true);
    } finally {
      await thread.terminate();
    }
  });

  it('grades a case the same after a hostile one, in a fresh thread and in a pooled one', async () => {
    const challenge = await loadChallenge(echoSum);
    // Each case recurses as deep as it can before and after a step that overflows V8's stack
    // inside QuickJS (the parser's recursion, skipped on error): the sum is off by one unless both
    // depths agree, so the case fails if the overflow cost the rest of the case stack.
    const measured = `name: stack-after-overflow
budget: {}
steps:
  - id: before
    code: |
      let d = 0; function f() { d++; f(); } try { f(); } catch {} return d;
  - id: overflow
    on_error: skip
    code: |
      return (0, eval)('['.repeat(100000));
  - id: after
    code: |
      let d = 0; function f() { d++; f(); } try { f(); } catch {} return d;
  - id: result
    code: |
      return { sum: input.numbers.reduce((a, b) => a + b, 0) + (before === after ? 0 : 1) };
`;
    // What a job before can leave: memory grown, garbage, pending jobs, globals, overflows, limits.
    const hostile = `name: hostile
budget: {}
steps:
  - id: mess
    on_error: skip
    code: |
      const keep = []; for (let i = 0; i < 100000; i++) keep.push('secret-' + i + input.question);
      try { globalThis.left = keep.length; } catch {}
      new Promise(() => {}); Promise.resolve().then(() => { for (;;); });
      return keep.length;
  - id: overflow
    on_error: skip
    code: |
      return (0, eval)('['.repeat(100000));
  - id: endless
    on_error: skip
    code: |
      for (;;);
  - id: result
    output: { sum: 0 }
`;
    const grading = { challenge, kind: 'public' as const, threads: 1, caseCache: false as const };
    const fresh = await gradeChallengeIsolated({ ...grading, pipelineSource: measured, threadPool: false });
    if (!fresh.ok) throw new Error('the pipeline should grade');
    expect(fresh.result.cases.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(fresh.result.cases.every((c) => c.score === 1)).toBe(true);
    const pool = new GradingThreadPool();
    try {
      await gradeChallengeIsolated({ ...grading, pipelineSource: hostile, threadPool: pool });
      expect(await until(() => pool.size.idle === 1)).toBe(true);
      const pooled = await gradeChallengeIsolated({ ...grading, pipelineSource: measured, threadPool: pool });
      expect(pool.size.started).toBe(1);
      expect(JSON.stringify(pooled)).toBe(JSON.stringify(fresh));
    } finally {
      await pool.close();
    }
  });

  it('never pools a thread that was stopped, and replaces it', async () => {
    const challenge = await loadChallenge(echoSum);
    const pool = new GradingThreadPool();
    try {
      const outcome = await gradeChallengeIsolated({
        challenge,
        pipelineSource: `name: hog
budget: { max_calls: 2 }
steps:
  - id: asked
    llm:
      model: openai:gpt-4o-mini
      prompt: "{{ input.question.startsWith('Case 2:') ? 'HOG' : 'SUM' }} {{ input.question }}"
      output: { json: { type: object, required: [sum], properties: { sum: { type: integer } } } }
  - id: result
    output: asked
`,
        kind: 'public',
        gateway: { providerModules: [misbehaving] },
        threads: 1,
        threadMemoryMb: 96,
        threadPool: pool,
      });
      expect(outcome.ok && outcome.result.cases.map((c) => c.status)).toEqual([
        'ok',
        'sandbox_limit',
        'ok',
        'ok',
        'ok',
      ]);
      // Case 2 killed the first thread, then, run alone, the second: the third finished the cases
      // and is the only one kept.
      expect(await until(() => pool.size.idle === 1)).toBe(true);
      expect(pool.size.started).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('ends threads past their job count, their idle time or their heap share, and on close', async () => {
    const challenge = await loadChallenge(echoSum);
    const grade = (pool: GradingThreadPool) =>
      gradeChallengeIsolated({
        challenge,
        pipelineSource: probe,
        kind: 'public',
        threads: 1,
        threadPool: pool,
      });
    const settled = (pool: GradingThreadPool) => until(() => pool.size.resetting === 0);

    const oneJob = new GradingThreadPool({ maxJobs: 1 });
    await grade(oneJob);
    expect(oneJob.size).toEqual({ idle: 0, resetting: 0, started: 1 });

    const noHeap = new GradingThreadPool({ maxHeapShare: 0 });
    await grade(noHeap);
    expect(await settled(noHeap)).toBe(true);
    expect(noHeap.size.idle).toBe(0);

    const brief = new GradingThreadPool({ idleMs: 50 });
    await grade(brief);
    expect(await until(() => brief.size.idle === 1)).toBe(true);
    expect(await until(() => brief.size.idle === 0)).toBe(true);

    const kept = new GradingThreadPool({ maxIdle: 1 });
    await Promise.all([grade(kept), grade(kept)]);
    expect(await settled(kept)).toBe(true);
    expect(kept.size.idle).toBe(1);
    await kept.close();
    expect(kept.size.idle).toBe(0);
    await grade(kept);
    expect(kept.size).toEqual({ idle: 0, resetting: 0, started: 3 });
  });

  it('refuses settings that are not whole numbers or shares', () => {
    expect(() => new GradingThreadPool({ maxJobs: 1.5 })).toThrow('maxJobs must be a whole number ≥ 0');
    expect(() => new GradingThreadPool({ maxHeapShare: 2 })).toThrow('maxHeapShare must be between 0 and 1');
  });

  it('hands out the cases it keeps frozen, so a changed outcome cannot reach the next grading', async () => {
    const challenge = await loadChallenge(echoSum);
    const caseCache = new GeneratedCaseCache();
    const grade = () =>
      gradeChallengeIsolated({ challenge, pipelineSource: probe, kind: 'public', caseCache });
    await grade();
    const hit = await grade();
    if (!hit.ok) throw new Error('the probe should grade');
    expect(() => {
      (hit.cases[0]!.input as { question: string }).question = 'changed';
    }).toThrow(TypeError);
    expect(caseCache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });
});
