import { diffStats, lineDiff } from './line-diff';

/** The diff in the unified notation: ' ' same, '-' removed, '+' added. */
const unified = (before: string, after: string) =>
  lineDiff(before, after).map((l) => `${l.op === 'same' ? ' ' : l.op === 'del' ? '-' : '+'}${l.text}`);

/** Rebuilds both texts from a diff: what any correct diff must give back. */
function sides(before: string, after: string) {
  const diff = lineDiff(before, after);
  return {
    a: diff.filter((l) => l.op !== 'add').map((l) => l.text),
    b: diff.filter((l) => l.op !== 'del').map((l) => l.text),
    numbersA: diff.filter((l) => l.a !== null).map((l) => l.a),
    numbersB: diff.filter((l) => l.b !== null).map((l) => l.b),
  };
}

describe('lineDiff', () => {
  it('marks nothing in two equal texts', () => {
    const text = 'name: x\nsteps:\n  - id: a\n';
    expect(lineDiff(text, text).every((l) => l.op === 'same')).toBe(true);
    expect(diffStats(lineDiff(text, text))).toEqual({ added: 0, removed: 0 });
  });

  it('shows a changed line as removed then added, in place', () => {
    expect(unified('a\nb\nc\n', 'a\nB\nc\n')).toEqual([' a', '-b', '+B', ' c']);
  });

  it('finds an inserted block and a deleted one in the same diff', () => {
    const before = 'name: p\nsteps:\n  - id: one\n  - id: two\n  - id: three\n';
    const after = 'name: p\nsteps:\n  - id: zero\n  - id: one\n  - id: three\n';
    expect(unified(before, after)).toEqual([
      ' name: p',
      ' steps:',
      '+  - id: zero',
      '   - id: one',
      '-  - id: two',
      '   - id: three',
    ]);
  });

  it('keeps the longest common subsequence, not just the common ends', () => {
    // LCS of ABCBDAB and BDCABA has length 4: four lines stay, six change.
    const diff = lineDiff('A\nB\nC\nB\nD\nA\nB', 'B\nD\nC\nA\nB\nA');
    expect(diff.filter((l) => l.op === 'same')).toHaveLength(4);
    expect(diffStats(diff)).toEqual({ added: 2, removed: 3 });
  });

  it('gives back both texts, with line numbers counting up on each side', () => {
    const before = 'x\ny\nz\ny\nx\n';
    const after = 'y\nx\nx\nz\nq\ny';
    const got = sides(before, after);
    expect(got.a).toEqual(['x', 'y', 'z', 'y', 'x']);
    expect(got.b).toEqual(['y', 'x', 'x', 'z', 'q', 'y']);
    expect(got.numbersA).toEqual([1, 2, 3, 4, 5]);
    expect(got.numbersB).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('treats CRLF endings and trailing spaces as no change, and an empty text as no lines', () => {
    expect(diffStats(lineDiff('a\r\nb  \r\n', 'a\nb\n'))).toEqual({ added: 0, removed: 0 });
    expect(unified('', 'a\nb\n')).toEqual(['+a', '+b']);
    expect(unified('a\n', '')).toEqual(['-a']);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('diffs two long pipelines that differ in one line quickly, by the common ends', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `  - id: step${i}`);
    const changed = [...lines];
    changed[10_000] = '  - id: changed';
    const diff = lineDiff(lines.join('\n'), changed.join('\n'));
    expect(diffStats(diff)).toEqual({ added: 1, removed: 1 });
    expect(diff).toHaveLength(20_001);
  });

  it('shows a middle too large to align as replaced whole, rather than hanging', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
    expect(diffStats(lineDiff(a, b))).toEqual({ added: 3000, removed: 3000 });
  });
});
