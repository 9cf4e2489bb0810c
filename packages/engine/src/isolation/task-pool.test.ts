import { join } from 'node:path';
import { jest } from '@jest/globals';
import { generateCases } from '../challenges/generate-cases.js';
import { loadChallenge } from '../challenges/load-challenge.js';
import { TaskLimitError, TaskPool } from './task-pool.js';

jest.setTimeout(60_000);

const echoSum = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';

/** A pipeline near the size cap whose many distinct JSON Schemas take a while to compile. */
function schemaHeavy(steps: number, width: number): string {
  const schema = (i: number) => {
    const properties: Record<string, unknown> = {};
    for (let k = 0; k < width; k++)
      properties[`p${i}_${k}`] = {
        anyOf: [
          { type: 'string', pattern: `^a${k}[b-z]{1,5}$` },
          { type: 'object', properties: { x: { type: 'integer', minimum: k } }, required: ['x'] },
        ],
      };
    return { type: 'object', properties };
  };
  const list = Array.from({ length: steps }, (_, i) => ({
    id: `s${i}`,
    llm: { model: 'sim-mini', prompt: '{{ input.question }}', output: { json: schema(i) } },
  }));
  return JSON.stringify({ name: 'heavy', budget: {}, steps: list });
}

describe('TaskPool', () => {
  let pool: TaskPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('checks pipelines in a thread: valid, invalid with line and column', async () => {
    const { manifest } = await loadChallenge(echoSum);
    pool = new TaskPool();
    await expect(pool.check({ manifest, source: exact, gateway: {} })).resolves.toEqual({ ok: true });
    const bad = await pool.check({ manifest, source: exact.replace('input.numbers', 'nmbers'), gateway: {} });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.issues[0]).toMatchObject({ code: 'invalid_pipeline', line: 5 });
  });

  it('answers a check past its cap as service_unavailable (not invalid), and the next check gets a fresh thread', async () => {
    const { manifest } = await loadChallenge(echoSum);
    pool = new TaskPool();
    const heavy = schemaHeavy(12, 30);
    await expect(pool.check({ manifest, source: heavy, gateway: {} })).resolves.toEqual({ ok: true });
    await expect(pool.check({ manifest, source: heavy, gateway: {} }, 20)).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringMatching(
        /^Checking the pipeline stopped: it ran past the 20 ms wall-clock cap\. The server may be busy/,
      ),
    });
    await expect(pool.check({ manifest, source: exact, gateway: {} })).resolves.toEqual({ ok: true });
  });

  it('generates the cases an in-process generator does', async () => {
    const challenge = await loadChallenge(echoSum);
    pool = new TaskPool();
    const cases = await pool.run({ type: 'generate', challenge, kind: 'public' });
    expect(cases).toEqual(await generateCases(challenge, { kind: 'public' }));
  });

  it("reports a generator's error with its code, and a generator past the cap as a limit", async () => {
    const challenge = await loadChallenge(echoSum);
    pool = new TaskPool();
    const throwing = { ...challenge, generatorScript: 'throw new Error("no cases today")' };
    await expect(pool.run({ type: 'generate', challenge: throwing, kind: 'public' })).rejects.toThrow(
      /no cases today/,
    );
    const spinning = {
      ...challenge,
      generatorScript: challenge.generatorScript.replace(/^/, 'while (true) {}\n'),
    };
    const error = await pool
      .run({ type: 'generate', challenge: spinning, kind: 'public' }, 200)
      .catch((e) => e);
    // Either the sandbox's own CPU cap or the thread's wall-clock cap stops it.
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses work beyond its threads and queue as too_many_requests, and runs what it queued', async () => {
    const { manifest } = await loadChallenge(echoSum);
    pool = new TaskPool({ threads: 1, maxWaiting: 1 });
    const first = pool.check({ manifest, source: schemaHeavy(8, 30), gateway: {} });
    const second = pool.check({ manifest, source: exact, gateway: {} });
    await expect(pool.check({ manifest, source: exact, gateway: {} })).rejects.toMatchObject({
      code: 'too_many_requests',
    });
    await expect(first).resolves.toEqual({ ok: true });
    await expect(second).resolves.toEqual({ ok: true });
  });

  it('rejects what waits when closed', async () => {
    const { manifest } = await loadChallenge(echoSum);
    pool = new TaskPool({ threads: 1 });
    const first = pool.check({ manifest, source: exact, gateway: {} });
    const waiting = pool.check({ manifest, source: exact, gateway: {} });
    await pool.close();
    await expect(waiting).rejects.toMatchObject({
      code: 'service_unavailable',
      message: expect.stringMatching(/shutting down/),
    });
    await first.catch(() => undefined);
  });

  it('reports a thread that runs out of memory as a limit, not a crash of the caller', async () => {
    const challenge = await loadChallenge(echoSum);
    pool = new TaskPool({ memoryMb: 16 });
    const error = await pool
      .run({
        type: 'generate',
        challenge: { ...challenge, brief: 'x'.repeat(64 * 1024 * 1024) },
        kind: 'public',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskLimitError);
    expect((error as TaskLimitError).reason).toBe('died');
  });
});
