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
  });

  it('says why it does not hold', async () => {
    const calibration = await calibrateChallenge({
      ...(await options()),
      baseline: exact,
      references: { reference: zero, broken: 'name: x\nsteps: []\n' },
    });
    expect(calibration.holds).toBe(false);
    expect(calibration.lines[0].note).toMatch(/baseline scores 100, not below 50/);
    expect(calibration.lines[1].note).toMatch(/reference scores 0, below 90/);
    expect(calibration.lines[2].note).toMatch(/does not parse/);
  });
});
