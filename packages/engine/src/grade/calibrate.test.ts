import { join } from 'node:path';
import { loadChallenge } from '../challenges/load-challenge.js';
import { createDefaultGateway } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import { calibrateChallenge } from './calibrate.js';

const fixture = join(process.cwd(), 'packages/engine/src/challenges/fixtures/echo-sum');
const exact =
  'name: exact\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: input.numbers.reduce((a, b) => a + b, 0) })"\n';
const zero = 'name: zero\nbudget: {}\nsteps:\n  - id: r\n    output: "({ sum: 0 })"\n';
const options = async () => ({
  challenge: await loadChallenge(fixture),
  secret: 'calibration-test-secret',
  gateway: createDefaultGateway({ extraProviders: [createSimProvider()] }),
});

describe('calibrateChallenge', () => {
  it('holds when the baseline is below 50 and every reference at least 90', async () => {
    const calibration = await calibrateChallenge({
      ...(await options()),
      baseline: zero,
      references: { reference: exact },
    });
    expect(calibration.holds).toBe(true);
    expect(calibration.cases).toBe(50);
    expect(calibration.lines.map((l) => [l.pipeline, l.correctness, l.holds])).toEqual([
      ['baseline', 0, true],
      ['reference', 100, true],
    ]);
  }, 60_000);

  it('says why it does not hold', async () => {
    const calibration = await calibrateChallenge({
      ...(await options()),
      baseline: exact,
      references: { reference: zero, broken: 'name: x\nsteps: []\n' },
      others: { 'adversary.public': exact, 'context-free': zero },
    });
    expect(calibration.holds).toBe(false);
    expect(calibration.lines[0].note).toMatch(/baseline scores 100, not below 50/);
    expect(calibration.lines[1].note).toMatch(/reference scores 0, below 90/);
    expect(calibration.lines[2].note).toMatch(/does not parse/);
    expect(calibration.lines[3]).toMatchObject({
      pipeline: 'adversary.public',
      role: 'adversary',
      holds: false,
    });
    expect(calibration.lines[3].note).toMatch(/adversary scores 100, at or above the pass mark/);
    // Below the pass mark, but no reference holds to be 10 points under: it is judged against 0.
    expect(calibration.lines[4]).toMatchObject({
      pipeline: 'context-free',
      role: 'context-free',
      holds: false,
    });
  }, 60_000);

  it('refuses a check whose name has no role', async () => {
    await expect(
      calibrateChallenge({
        ...(await options()),
        baseline: zero,
        references: { reference: exact },
        others: { cheap: exact },
      }),
    ).rejects.toThrow(/"cheap" is not an adversary, context-free or ablation pipeline/);
  });
});
