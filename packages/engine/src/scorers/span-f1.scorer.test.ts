import { build, MALFORMED, scoreWith } from './scorer-test-kit.js';

const pii = [
  { start: 0, end: 10, type: 'name' },
  { start: 20, end: 32, type: 'phone' },
];

describe('span_f1 scorer', () => {
  it('scores the exact spans 1', async () => {
    expect((await scoreWith('span_f1', {}, pii, pii)).score).toBe(1);
  });

  it('gives character-overlap credit for a span off by a few characters', async () => {
    const output = [
      { start: 0, end: 8 },
      { start: 20, end: 32 },
    ];
    const result = await scoreWith('span_f1', {}, output, pii);
    // 20 of 22 expected characters covered, all 20 predicted right
    expect(result.score).toBeCloseTo((2 * 1 * (20 / 22)) / (1 + 20 / 22), 6);
    expect(result.reason).toMatch(/over characters/);
  });

  it('does not double count overlapping predicted spans', async () => {
    const output = [
      { start: 0, end: 10 },
      { start: 0, end: 10 },
      { start: 20, end: 32 },
    ];
    expect((await scoreWith('span_f1', {}, output, pii)).score).toBe(1);
  });

  it('requires labels to agree when label is set', async () => {
    const swapped = [
      { start: 0, end: 10, type: 'phone' },
      { start: 20, end: 32, type: 'phone' },
    ];
    const result = await scoreWith('span_f1', { label: 'type' }, swapped, pii);
    expect(result.score).toBeCloseTo((2 * (12 / 22) * (12 / 22)) / (24 / 22), 6);
  });

  it('counts only identical spans in exact mode', async () => {
    const output = [
      { start: 0, end: 9 },
      { start: 20, end: 32 },
    ];
    expect((await scoreWith('span_f1', { mode: 'exact' }, output, pii)).score).toBeCloseTo(0.5, 6);
  });

  it('compares texts as bags of words in token mode', async () => {
    const result = await scoreWith(
      'span_f1',
      { mode: 'token' },
      ['John Smith', { text: '555 0101' }],
      ['John A. Smith', '555-0101'],
    );
    // predicted john smith 555 0101 (4); expected john a smith 555 0101 (5); matched 4
    expect(result.score).toBeCloseTo((2 * 1 * 0.8) / 1.8, 6);
  });

  it('scores no spans against no spans 1 and spans against none 0', async () => {
    expect((await scoreWith('span_f1', {}, [], [])).score).toBe(1);
    expect((await scoreWith('span_f1', {}, [{ start: 0, end: 3 }], [])).score).toBe(0);
  });

  it('reads spans at a path', async () => {
    expect(
      (await scoreWith('span_f1', { path: 'redactions' }, { redactions: pii }, { redactions: pii })).score,
    ).toBe(1);
  });

  it.each([
    ...MALFORMED.filter((v) => !Array.isArray(v) || v.length > 0),
    [{ start: 5, end: 2 }],
    [{ start: '0', end: 3 }],
  ])('scores malformed spans %p as 0', async (output) => {
    const result = await scoreWith('span_f1', {}, output, pii);
    expect(result.score).toBe(0);
    expect(result.reason).toMatch(/malformed/);
  });

  it('rejects an unknown mode', () => {
    expect(() => build('span_f1', { mode: 'fuzzy' })).toThrow(/scoring\.params\.mode/);
  });
});
