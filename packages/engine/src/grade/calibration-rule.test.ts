import {
  calibrationRoleOf,
  judgeCalibration,
  missingCalibrationPipelines,
  selectCalibrationPipelines,
} from './calibration-rule.js';

describe('the calibration rule', () => {
  it('names each pipeline role from its file and orders them baseline first', () => {
    const files = [
      'adversary.source.pipeline.yaml',
      'reference.vote.pipeline.yaml',
      'context-free.pipeline.yaml',
      'baseline.pipeline.yaml',
      'notes.md',
      'ablation.no-vote.pipeline.yaml',
      'reference.pipeline.yaml',
      'adversary.public.pipeline.yaml',
      'scratch.pipeline.yaml',
    ];
    expect(selectCalibrationPipelines(files).map((e) => [e.name, e.role])).toEqual([
      ['baseline', 'baseline'],
      ['reference', 'reference'],
      ['reference.vote', 'reference'],
      ['adversary.public', 'adversary'],
      ['adversary.source', 'adversary'],
      ['context-free', 'context-free'],
      ['ablation.no-vote', 'ablation'],
    ]);
    expect(calibrationRoleOf('reference.Vote')).toBeUndefined();
    expect(calibrationRoleOf('adversary.')).toBeUndefined();
  });

  it('asks the catalogue for both adversaries and a context-free pipeline', () => {
    const some = [{ name: 'baseline' }, { name: 'reference' }, { name: 'adversary.public' }];
    expect(missingCalibrationPipelines(some)).toEqual([]);
    expect(missingCalibrationPipelines(some, { catalogue: true })).toEqual([
      'adversary.source.pipeline.yaml is missing',
      'context-free.pipeline.yaml is missing',
    ]);
  });

  it('holds each role to its bar, the relative ones against the best reference', () => {
    const judged = judgeCalibration(
      [
        { name: 'baseline', role: 'baseline', correctness: 49.9, budgetExceeded: 0 },
        { name: 'reference', role: 'reference', correctness: 95, budgetExceeded: 0 },
        { name: 'reference.cheap', role: 'reference', correctness: 91, budgetExceeded: 1 },
        { name: 'adversary.public', role: 'adversary', correctness: 69.9, budgetExceeded: 0 },
        { name: 'adversary.source', role: 'adversary', correctness: 70, budgetExceeded: 0 },
        { name: 'context-free', role: 'context-free', correctness: 60, budgetExceeded: 0 },
        { name: 'ablation.no-vote', role: 'ablation', correctness: 85.5, budgetExceeded: 0 },
        { name: 'ablation.no-check', role: 'ablation', correctness: 85, budgetExceeded: 0 },
      ],
      70,
    );
    expect(judged.map((j) => j.holds)).toEqual([true, true, false, true, false, true, false, true]);
    expect(judged[2]!.note).toMatch(/1 case\(s\) ran out of budget/);
    expect(judged[4]!.note).toMatch(/adversary scores 70, at or above the pass mark 70/);
    expect(judged[6]!.note).toMatch(/within 10 points of the best reference \(95\)/);
  });

  it('fails a context-free pipeline that passes, and every line of a pipeline that does not parse', () => {
    const judged = judgeCalibration(
      [
        { name: 'reference', role: 'reference', correctness: 0, budgetExceeded: 0, invalid: '1:1 bad' },
        { name: 'context-free', role: 'context-free', correctness: 75, budgetExceeded: 0 },
      ],
      70,
    );
    expect(judged[0]).toEqual({ holds: false, note: 'does not parse: 1:1 bad' });
    expect(judged[1]!.note).toMatch(/context-free pipeline scores 75, at or above the pass mark 70/);
  });
});
