import { join } from 'node:path';
import { jest } from '@jest/globals';
import { SIM_SUM } from '../challenges/fixtures/sim-sum.js';
import { loadChallenge } from '../challenges/load-challenge.js';
import { CpuSlots } from './cpu-slots.js';
import { IsolatedGrader } from './grade-challenge-isolated.js';

jest.setTimeout(120_000);

describe('CpuSlots', () => {
  it('grants up to its size at once, then in request order as slots come back, and forgets withdrawn requests', () => {
    const slots = new CpuSlots(2);
    const granted: string[] = [];
    slots.request(() => granted.push('a'));
    slots.request(() => granted.push('b'));
    slots.request(() => granted.push('c'));
    const withdraw = slots.request(() => granted.push('d'));
    slots.request(() => granted.push('e'));
    expect(granted).toEqual(['a', 'b']);
    expect(slots.state).toEqual({ free: 0, waiting: 3 });
    withdraw();
    slots.release();
    expect(granted).toEqual(['a', 'b', 'c']);
    slots.release();
    expect(granted).toEqual(['a', 'b', 'c', 'e']);
    slots.release();
    slots.release();
    slots.release();
    expect(slots.state).toEqual({ free: 2, waiting: 0 });
  });

  it('runs CPU-bound gradings one slot at a time, each graded as it is alone', async () => {
    const challenge = await loadChallenge(
      join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum'),
    );
    const pipelineSource = SIM_SUM;
    const grading = {
      challenge,
      pipelineSource,
      kind: 'hidden' as const,
      secret: 'a-test-secret-of-length',
      count: 6,
    };
    const single = new IsolatedGrader({ threads: 1 }, false, new CpuSlots(1));
    const alone = await single.grade(grading).finally(() => single.close());
    const slots = new CpuSlots(1);
    const graders = [0, 1, 2].map(() => new IsolatedGrader({ threads: 2 }, false, slots));
    try {
      const together = await Promise.all(graders.map((grader) => grader.grade(grading)));
      for (const outcome of together) expect(JSON.stringify(outcome)).toBe(JSON.stringify(alone));
      expect(slots.state).toEqual({ free: 1, waiting: 0 });
    } finally {
      await Promise.all(graders.map((grader) => grader.close()));
    }
  });
});
