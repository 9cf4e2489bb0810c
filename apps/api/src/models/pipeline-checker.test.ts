import { join } from 'node:path';
import { loadChallenge } from '@reps/engine';
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
