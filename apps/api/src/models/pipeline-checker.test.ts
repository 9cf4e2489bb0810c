import { join } from 'node:path';
import { jest } from '@jest/globals';
import { loadChallenge, type TaskPool } from '@reps/engine';
import type { Config } from '@reps/shared';
import { PipelineChecker } from './pipeline-checker.js';

const echoSum = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
const config = { REPS_CHECK_THREADS: 1, REPS_CHECK_WALL_MS: 10_000 } as Config;

describe('PipelineChecker', () => {
  let checker: PipelineChecker;
  beforeEach(() => {
    checker = new PipelineChecker(config);
  });
  afterEach(() => checker.onApplicationShutdown());

  it('runs one check at a time per owner: a second while the first runs is 429', async () => {
    const { manifest } = await loadChallenge(echoSum);
    const first = checker.check(manifest, exact, { owner: 'a' });
    await expect(checker.check(manifest, exact, { owner: 'a' })).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    await expect(checker.check(manifest, exact, { owner: 'b' })).resolves.toEqual({ ok: true });
    await expect(first).resolves.toEqual({ ok: true });
    // Once the first is answered, the owner may check again.
    await expect(checker.check(manifest, exact, { owner: 'a' })).resolves.toEqual({ ok: true });
  });

  it('checks the same text against the same manifest, skills and options once, and anything else anew', async () => {
    const { manifest } = await loadChallenge(echoSum);
    const pool = (checker as unknown as { pool: TaskPool }).pool;
    const threadChecks = jest.spyOn(pool, 'check');
    const invalid = exact.replace('input.numbers', 'input.nope +');
    // Two learners sending the same text at the same moment share one check.
    const [a, b] = await Promise.all([
      checker.check(manifest, exact, { owner: 'a' }),
      checker.check(manifest, exact, { owner: 'b' }),
    ]);
    expect([a, b]).toEqual([{ ok: true }, { ok: true }]);
    await expect(checker.check(manifest, exact, { owner: 'c' })).resolves.toEqual({ ok: true });
    expect(threadChecks).toHaveBeenCalledTimes(1);
    const wrong = await checker.check(manifest, invalid, { owner: 'a' });
    expect(wrong.ok).toBe(false);
    await expect(checker.check(manifest, invalid, { owner: 'b' })).resolves.toEqual(wrong);
    expect(threadChecks).toHaveBeenCalledTimes(2);
    // What the verdict depends on, each changed alone, is checked again.
    await checker.check(manifest, exact, { owner: 'a', requireKnownPrices: true });
    await checker.check(manifest, exact, { owner: 'a', skills: { s: 'name: s' } });
    await checker.check({ ...manifest, submissions_per_day: manifest.submissions_per_day + 1 }, exact, {});
    await checker.check(manifest, `${exact}\n`, {});
    expect(threadChecks).toHaveBeenCalledTimes(6);
  });

  it('does not keep a verdict made up because the check was stopped', async () => {
    const { manifest } = await loadChallenge(echoSum);
    const pool = (checker as unknown as { pool: TaskPool }).pool;
    const stopped = {
      ok: false as const,
      issues: [{ code: 'invalid_pipeline' as const, message: 'checking the pipeline stopped: it died' }],
    };
    const threadChecks = jest.spyOn(pool, 'check').mockResolvedValueOnce(stopped);
    await expect(checker.check(manifest, exact)).resolves.toEqual(stopped);
    await expect(checker.check(manifest, exact)).resolves.toEqual({ ok: true });
    await expect(checker.check(manifest, exact)).resolves.toEqual({ ok: true });
    expect(threadChecks).toHaveBeenCalledTimes(2);
  });

  it('reads a manifest in a thread, with its problems at their lines', async () => {
    const broken = 'slug: x\nversion: 1\ntitle: T\ndifficulty: 9\n';
    await expect(checker.readManifest(broken, 'challenge.yaml')).rejects.toMatchObject({
      code: 'validation_failed',
      issues: expect.arrayContaining([expect.objectContaining({ path: 'difficulty', line: 4 })]),
    });
  });

  it('checks a skill in a thread', async () => {
    const skill =
      'name: s\nbudget: {}\ninputs: { x: { type: string } }\nsteps:\n  - id: r\n    output: input.x\n';
    await expect(checker.checkSkill(skill)).resolves.toEqual({ ok: true });
    const bad = await checker.checkSkill(skill.replace('output: input.x', 'output: y'));
    expect(bad.ok).toBe(false);
  });
});
