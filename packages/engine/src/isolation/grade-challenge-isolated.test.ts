import { join } from 'node:path';
import { jest } from '@jest/globals';
import { SIM_SUM } from '../challenges/fixtures/sim-sum.js';
import { loadChallenge } from '../challenges/load-challenge.js';
import { skillLibrary } from '../dsl/skill-library.js';
import { gradeChallenge } from '../grade/grade-challenge.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import { duration, gradeChallengeIsolated, IsolatedGrader } from './grade-challenge-isolated.js';

jest.setTimeout(120_000);

const root = process.cwd();
const echoSum = join(root, 'packages/engine/src/challenges/fixtures/echo-sum');
const misbehaving = new URL('./fixtures/misbehaving-provider.mjs', import.meta.url).href;
const gateway = { providerModules: [misbehaving] };
const secret = 'a-test-secret-of-length';

/** An echo-sum pipeline whose model call misbehaves (SPIN, HOG, STALL) on one public case. */
const misbehaveOn = (caseNumber: number, marker: string) => `name: misbehaving
budget: { max_calls: 5 }
steps:
  - id: mode
    code: "return input.question.startsWith('Case ${caseNumber}:') ? '${marker}' : 'SUM'"
  - id: asked
    llm:
      model: openai:gpt-4o-mini
      prompt: "{{ mode }} {{ input.question }}"
      output: { json: { type: object, required: [sum], properties: { sum: { type: integer } } } }
  - id: result
    output: asked
`;

const simSum = SIM_SUM;

const statusesOf = (outcome: Awaited<ReturnType<typeof gradeChallengeIsolated>>) =>
  outcome.ok ? outcome.result.cases.map((c) => `${c.status}:${c.score}`) : outcome.issues;

describe('gradeChallengeIsolated', () => {
  it('grades a catalogue challenge under sim models exactly as gradeChallenge does, public and hidden, in one thread or several', async () => {
    const challenge = await loadChallenge(join(root, 'challenges/multi-hop-qa'));
    const { readFile } = await import('node:fs/promises');
    const pipelineSource = await readFile(join(challenge.dir, 'reference.pipeline.yaml'), 'utf8');
    for (const kind of ['public', 'hidden'] as const) {
      const common = { challenge, pipelineSource, kind, secret, count: 6, caseConcurrency: 3 };
      const local = await gradeChallenge({
        ...common,
        gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
      });
      for (const threads of [1, 3]) {
        const isolated = await gradeChallengeIsolated({ ...common, threads });
        expect(local.ok && isolated.ok).toBe(true);
        if (!local.ok || !isolated.ok) return;
        expect(isolated.result.calls).toBeGreaterThan(6); // the sim models were really called
        expect(JSON.stringify(isolated.result)).toBe(JSON.stringify(local.result));
        expect(JSON.stringify(isolated.cases)).toBe(JSON.stringify(local.cases));
        expect(isolated.pipeline).toEqual(local.pipeline);
      }
    }
  });

  it('reports progress from the thread, one call per case, up to the total', async () => {
    const seen: [number, number][] = [];
    const outcome = await gradeChallengeIsolated({
      challenge: await loadChallenge(echoSum),
      pipelineSource: simSum,
      kind: 'public',
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
  });

  it('returns the same issues as gradeChallenge for an invalid pipeline, and a skill resolves in the thread', async () => {
    const challenge = await loadChallenge(echoSum);
    const bad = simSum.replace('sim-mini', 'anthropic:claude-x');
    const local = await gradeChallenge({
      challenge,
      pipelineSource: bad,
      kind: 'public',
      gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
    });
    const isolated = await gradeChallengeIsolated({ challenge, pipelineSource: bad, kind: 'public' });
    expect(isolated.ok).toBe(false);
    expect(isolated).toEqual(local);

    const skills = {
      total: `name: total\nbudget: {}\ninputs: { numbers: { type: array } }\nsteps:\n  - id: t\n    code: return input.numbers.reduce((a, b) => a + b, 0)\n  - id: r\n    output: t\n`,
    };
    const withSkill = `name: uses-skill\nbudget: {}\nsteps:\n  - id: t\n    use: total\n    inputs: { numbers: input.numbers }\n  - id: result\n    output: "({ sum: t })"\n`;
    const viaSkill = await gradeChallengeIsolated({
      challenge,
      pipelineSource: withSkill,
      kind: 'public',
      skills,
    });
    const localSkill = await gradeChallenge({
      challenge,
      pipelineSource: withSkill,
      kind: 'public',
      skills: skillLibrary(skills),
      gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
    });
    expect(viaSkill.ok && viaSkill.result.correctness).toBe(100);
    expect(JSON.stringify(viaSkill.ok && viaSkill.result)).toBe(
      JSON.stringify(localSkill.ok && localSkill.result),
    );
  });

  it('stops a case whose model call never returns at the case cap; the others score normally', async () => {
    const progress: number[] = [];
    const outcome = await gradeChallengeIsolated({
      challenge: await loadChallenge(echoSum),
      pipelineSource: misbehaveOn(2, 'SPIN'),
      kind: 'public',
      gateway,
      caseConcurrency: 4,
      caseWallMs: 1000,
      onProgress: (done) => progress.push(done),
    });
    // Cases 1, 3 and 4 were in flight with case 2 when the thread was stopped: each ran again alone.
    expect(statusesOf(outcome)).toEqual(['ok:1', 'sandbox_limit:0', 'ok:1', 'ok:1', 'ok:1']);
    if (!outcome.ok) return;
    expect(outcome.result.cases[1]).toMatchObject({
      id: 'public-2',
      reason: 'case ran past the 1 s wall-clock cap',
      trace: { status: 'sandbox_limit', steps: [] },
    });
    expect(outcome.result.correctness).toBe(80);
    expect(outcome.result.statuses).toEqual({ ok: 4, sandbox_limit: 1 });
    expect(outcome.result.failures).toEqual({ sandbox_limit: 1 });
    expect(outcome.result.calls).toBe(4);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('marks a case that runs its thread out of memory; the others score normally, whatever the threads', async () => {
    for (const threads of [1, 2, 3]) {
      const progress: number[] = [];
      const outcome = await gradeChallengeIsolated({
        challenge: await loadChallenge(echoSum),
        pipelineSource: misbehaveOn(3, 'HOG'),
        kind: 'public',
        gateway,
        caseConcurrency: 2 * threads,
        threadMemoryMb: 96,
        threads,
        onProgress: (done) => progress.push(done),
      });
      expect(statusesOf(outcome)).toEqual(['ok:1', 'ok:1', 'sandbox_limit:0', 'ok:1', 'ok:1']);
      if (outcome.ok)
        expect(outcome.result.cases[2]!.reason).toBe(
          'case stopped its grading thread: it ran out of memory (a grading thread may use 96 MB)',
        );
      expect(progress).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('ends the unfinished cases as timeout when the job runs past its cap', async () => {
    const outcome = await gradeChallengeIsolated({
      challenge: await loadChallenge(echoSum),
      pipelineSource: misbehaveOn(4, 'STALL'),
      kind: 'public',
      gateway,
      caseWallMs: 600_000,
      jobWallMs: 6000,
    });
    expect(statusesOf(outcome)).toEqual(['ok:1', 'ok:1', 'ok:1', 'timeout:0', 'ok:1']);
    if (outcome.ok) {
      expect(outcome.result.cases[3]!.reason).toBe(
        'the grading ran past its 6 s wall-clock cap before this case finished',
      );
      expect(outcome.result.statuses).toEqual({ ok: 4, timeout: 1 });
    }
  });

  it('times out every case of a later grading once the job is past its cap, and then stops', async () => {
    const challenge = await loadChallenge(echoSum);
    // 8 s: room for the four good cases on a loaded machine; the stalled one waits for the cap.
    const grader = new IsolatedGrader({ caseWallMs: 600_000, jobWallMs: 8000 });
    try {
      const first = await grader.grade({
        challenge,
        pipelineSource: misbehaveOn(1, 'STALL'),
        kind: 'public',
        gateway,
      });
      expect(first.ok && first.result.statuses.timeout).toBe(1);
      const second = await grader.grade({
        challenge,
        pipelineSource: simSum,
        kind: 'hidden',
        secret,
        count: 3,
      });
      expect(statusesOf(second)).toEqual(['timeout:0', 'timeout:0', 'timeout:0']);
      expect(second.ok && second.cases.map((c) => c.id)).toEqual(['hidden-1', 'hidden-2', 'hidden-3']);
    } finally {
      await grader.close();
    }
  });

  it('grades normally after runaways in the same process, and twice in one thread', async () => {
    const challenge = await loadChallenge(echoSum);
    const grader = new IsolatedGrader({ caseWallMs: 1000 });
    try {
      const spun = await grader.grade({
        challenge,
        pipelineSource: misbehaveOn(5, 'SPIN'),
        kind: 'public',
        gateway,
      });
      expect(statusesOf(spun)).toEqual(['ok:1', 'ok:1', 'ok:1', 'ok:1', 'sandbox_limit:0']);
      const hidden = await grader.grade({
        challenge,
        pipelineSource: simSum,
        kind: 'hidden',
        secret,
        count: 10,
      });
      const local = await gradeChallenge({
        challenge,
        pipelineSource: simSum,
        kind: 'hidden',
        secret,
        count: 10,
        gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
      });
      expect(JSON.stringify(hidden.ok && hidden.result)).toBe(JSON.stringify(local.ok && local.result));
    } finally {
      await grader.close();
    }
  });

  it("grades a job's public cases after its hidden ones with the pipeline as checked once, as a fresh grading would", async () => {
    const challenge = await loadChallenge(join(root, 'challenges/multi-hop-qa'));
    const { readFile } = await import('node:fs/promises');
    const pipelineSource = await readFile(join(challenge.dir, 'reference.pipeline.yaml'), 'utf8');
    const common = { challenge, pipelineSource, gateway: {}, requireKnownPrices: true, caseConcurrency: 4 };
    const fresh = await gradeChallengeIsolated({ ...common, kind: 'public', count: 4 });
    for (let round = 0; round < 2; round++) {
      // The second round finds both kinds' cases kept, so the public grading is handed the pipeline too.
      const grader = new IsolatedGrader({ threads: 2 });
      try {
        const hidden = await grader.grade({ ...common, kind: 'hidden', secret, count: 4 });
        expect(hidden.ok).toBe(true);
        const shown = await grader.grade({ ...common, kind: 'public', count: 4 });
        expect(JSON.stringify(shown)).toBe(JSON.stringify(fresh));
        // Another source is checked again: its own issues, not the pipeline checked before.
        const other = await grader.grade({
          ...common,
          pipelineSource: 'name: x\nsteps: []\n',
          kind: 'public',
        });
        expect(other.ok).toBe(false);
      } finally {
        await grader.close();
      }
    }
  });

  it('refuses a second grading on a grader still busy with one (they would share its thread)', async () => {
    const challenge = await loadChallenge(echoSum);
    const grader = new IsolatedGrader();
    try {
      const first = grader.grade({ challenge, pipelineSource: simSum, kind: 'public' });
      await expect(grader.grade({ challenge, pipelineSource: simSum, kind: 'public' })).rejects.toThrow(
        /one grading at a time/,
      );
      expect((await first).ok).toBe(true);
    } finally {
      await grader.close();
    }
  });

  it('passes the engine errors of preparing the cases on, with their code', async () => {
    const outcome = gradeChallengeIsolated({
      challenge: await loadChallenge(echoSum),
      pipelineSource: simSum,
      kind: 'hidden',
    });
    await expect(outcome).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('REPS_HIDDEN_SEED'),
    });
  });

  it('says durations the way a learner reads them', () => {
    expect([500, 1000, 30_000, 90_000, 900_000].map(duration)).toEqual([
      '500 ms',
      '1 s',
      '30 s',
      '90 s',
      '15 min',
    ]);
  });
});
