import { GraderError } from './grader-error.js';
import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

const expected = [
  { n: 1, risk: 'low' },
  { n: 2, risk: 'high' },
  { n: 3, risk: 'medium' },
  { n: 4, risk: 'low' },
];

describe('label_accuracy scorer', () => {
  it('aligns by index and counts matching labels', async () => {
    const result = await scoreWith(
      'label_accuracy',
      {},
      ['low', 'high', 'low'],
      ['low', 'high', 'medium', 'low'],
    );
    expect(result.score).toBe(0.5);
    expect(result.reason).toBe(
      '2 of 4 labels right: #3 got "low", expected "medium"; #4 missing, expected "low".',
    );
  });

  it('aligns by key whatever the order, case-insensitively', async () => {
    const output = [
      { n: 4, risk: 'LOW' },
      { n: 3, risk: 'medium' },
      { n: 2, risk: 'low' },
      { n: 1, risk: 'low' },
    ];
    const result = await scoreWith('label_accuracy', { key: 'n', label: 'risk' }, output, expected);
    expect(result.score).toBe(0.75);
    expect(result.reason).toMatch(/n=2 got "low", expected "high"/);
  });

  it('counts output items with unexpected keys against the score', async () => {
    const output = [...expected, { n: 9, risk: 'low' }];
    const result = await scoreWith('label_accuracy', { key: 'n', label: 'risk' }, output, expected);
    expect(result.score).toBe(4 / 5);
    expect(result.reason).toMatch(/1 item\(s\) with keys not expected/);
  });

  it('penalises a longer output when aligned by index', async () => {
    expect((await scoreWith('label_accuracy', {}, ['a', 'b', 'c'], ['a', 'b'])).score).toBeCloseTo(2 / 3, 6);
  });

  it('reads the list at a path and scores both empty as 1', async () => {
    expect((await scoreWith('label_accuracy', { path: 'items' }, { items: [] }, { items: [] })).score).toBe(
      1,
    );
  });

  it('treats a wrongly shaped item as a wrong label, not a crash', async () => {
    const result = await scoreWith(
      'label_accuracy',
      { key: 'n', label: 'risk' },
      [{ n: 1 }, 'junk', { n: 2, risk: { x: 1 } }],
      expected,
    );
    expect(result.score).toBe(0);
  });

  it.each(MALFORMED.filter((v) => !Array.isArray(v)))('scores non-list %p as 0', async (output) => {
    expect((await scoreWith('label_accuracy', {}, output, ['a'])).reason).toMatch(
      /Expected a list of labelled items/,
    );
  });

  it('reports an expected item without its key as a grader error', async () => {
    await expect(scoreWith('label_accuracy', { key: 'n' }, [], [{ label: 'x' }])).rejects.toBeInstanceOf(
      GraderError,
    );
  });

  it('rejects an empty key param', () => {
    expect(() => build('label_accuracy', { key: '' })).toThrow(/scoring\.params\.key/);
  });
});
