import type { CaseSet, Rng } from './generator-api.js';
import {
  capitalise,
  digitWord,
  doubleLetter,
  dropLetter,
  joinAnd,
  neighbourKey,
  numberWords,
  ordinal,
  ordinalSuffix,
  paraphrase,
  paraphraser,
  round2,
  SLIPS,
  scatterSwaps,
  slipTypo,
  swapLetters,
  typo,
} from './generator-kit.js';
import { RNG_FACTORY, RNG_SOURCE } from './rng-source.js';

/** The sandbox's own Rng, built on the host from the same source. */
function rngFor(seed: string): Rng {
  return new Function('seed', `${RNG_SOURCE}\nreturn ${RNG_FACTORY}(seed);`)(seed) as Rng;
}

/** An Rng that records which draws were made, in order, around a real one. */
function recording(seed: string): { rng: Rng; draws: string[] } {
  const inner = rngFor(seed);
  const draws: string[] = [];
  const note = <T>(draw: string, value: T): T => {
    draws.push(draw);
    return value;
  };
  const rng: Rng = {
    ...inner,
    int: (min, max) => note(`int(${min},${max})`, inner.int(min, max)),
    pick: (items) => note(`pick(${items.length})`, inner.pick(items)),
    chance: (p) => note(`chance(${p})`, inner.chance(p)),
  };
  return { rng, draws };
}

function publicSet(): CaseSet {
  const rng = rngFor('set');
  return { kind: 'public', rng, families: (_label, all) => all.slice(0, 1) };
}

/** The words of `a` and `b` that differ, position by position. */
function changedWords(a: string, b: string): [string, string][] {
  const left = a.split(' ');
  const right = b.split(' ');
  return left.flatMap((w, i) => (w === right[i] ? [] : [[w, right[i]!] as [string, string]]));
}

describe('numberWords', () => {
  it.each([
    [0, 'zero'],
    [13, 'thirteen'],
    [40, 'forty'],
    [45, 'forty-five'],
    [100, 'one hundred'],
    [306, 'three hundred and six'],
    [1000, 'one thousand'],
    [2010, 'two thousand ten'],
    [21_450, 'twenty-one thousand four hundred and fifty'],
  ])('says %i as "%s"', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });

  it('puts "and" after the thousands before a number under a hundred when asked', () => {
    expect(numberWords(2005, { andAfterThousand: true })).toBe('two thousand and five');
    expect(numberWords(2105, { andAfterThousand: true })).toBe('two thousand one hundred and five');
    expect(numberWords(2005)).toBe('two thousand five');
  });

  it('refuses a negative or fractional number instead of printing "undefined"', () => {
    expect(() => numberWords(-1)).toThrow(RangeError);
    expect(() => numberWords(2.5)).toThrow(/whole number/);
    expect(digitWord(7)).toBe('seven');
    expect(() => digitWord(10)).toThrow(RangeError);
  });
});

describe('joinAnd, ordinal, round2', () => {
  it('joins a list the way a person writes it, without an Oxford comma', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['billing'])).toBe('billing');
    expect(joinAnd(['billing', 'search'])).toBe('billing and search');
    expect(joinAnd(['billing', 'search', 'auth'])).toBe('billing, search and auth');
  });

  it('gives 1st, 2nd, 3rd, 4th and the teens their th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 101, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
      '101st',
      '111th',
      '112th',
    ]);
    expect(ordinalSuffix(20)).toBe('th');
  });

  it('rounds to cents', () => {
    expect(round2(12.3456)).toBe(12.35);
    expect(round2(2.345)).toBe(2.35);
    expect(round2(-0.004)).toBe(-0);
  });
});

describe('capitalise', () => {
  it('upper-cases the first letter only and leaves an empty text empty', () => {
    expect(capitalise('the court of appeal')).toBe('The court of appeal');
    expect(capitalise('')).toBe('');
  });
});

describe('letter edits', () => {
  it('swap, drop, double and neighbour one letter at the position given', () => {
    expect(swapLetters('receive', 3)).toBe('recieve');
    expect(dropLetter('receive', 3)).toBe('recive');
    expect(doubleLetter('receive', 3)).toBe('receeive');
    expect(neighbourKey({ e: 'r' })('receive', 1)).toBe('rrceive');
    expect(neighbourKey({ e: 'r' })('receive', 2)).toBe('receive');
  });
});

describe('typo', () => {
  it('changes exactly one qualifying word, keeping its first letter', () => {
    for (let seed = 0; seed < 50; seed++) {
      const text = 'the patient reports chest pain since morning';
      const out = typo(rngFor(`t${seed}`), text);
      const changed = changedWords(text, out);
      expect(changed).toHaveLength(1);
      const [before, after] = changed[0]!;
      expect(before).toMatch(/^[a-z]{5,}$/);
      expect(after[0]).toBe(before[0]);
      expect(Math.abs(after.length - before.length)).toBeLessThanOrEqual(1);
    }
  });

  it('draws the word, then the letter, then the kind of change', () => {
    const { rng, draws } = recording('order');
    typo(rng, 'one patient here', { margin: 2 });
    expect(draws).toEqual(['pick(1)', 'int(1,5)', 'int(0,2)']);
  });

  it('leaves a text with no qualifying word as it was, without drawing', () => {
    const { rng, draws } = recording('none');
    expect(typo(rng, 'no big word', { word: /^[a-z]{5,}$/ })).toBe('no big word');
    expect(draws).toEqual([]);
  });

  it('gives the same typo for the same seed', () => {
    const text = 'delivered damaged packaging yesterday';
    expect(typo(rngFor('same'), text)).toBe(typo(rngFor('same'), text));
  });
});

describe('scatterSwaps', () => {
  it('swaps letters in every long word at rate 1 except the words to keep', () => {
    const text = 'Supplier shall indemnify customer promptly';
    const out = scatterSwaps(rngFor('s'), text, 1, /^customer$/);
    const changed = changedWords(text, out).map(([before]) => before);
    expect(changed).toEqual(['indemnify', 'promptly']);
  });

  it('draws a chance for every long word, kept ones too, and changes nothing at rate 0', () => {
    const { rng, draws } = recording('zero');
    expect(scatterSwaps(rng, 'several longer words remain', 0, /^longer$/)).toBe(
      'several longer words remain',
    );
    expect(draws).toEqual(['chance(0)', 'chance(0)', 'chance(0)']);
  });
});

describe('slipTypo', () => {
  it('uses only the slips given and by default only the first (a swap)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const out = slipTypo(rngFor(`slip${seed}`), 'please circulate minutes');
      const [[before, after]] = changedWords('please circulate minutes', out) as [[string, string]];
      expect([...after].sort().join('')).toBe([...before].sort().join(''));
    }
  });

  it('leaves a word with no neighbouring-key letter as it was', () => {
    expect(SLIPS[3]!(rngFor('k'), 'xxxxx')).toBe('xxxxx');
    expect(SLIPS[3]!(rngFor('k'), 'xaxxx')).toBe('xsxxx');
  });
});

describe('paraphrase', () => {
  const rows = [
    ['e.g', 'for example', 'say'],
    ['worried', 'concerned', 'anxious'],
  ];

  it('matches a phrase literally and as a whole word', () => {
    const table = paraphraser(publicSet(), rows);
    const text = 'worried about e.g eggs; unworried by egg';
    expect(paraphrase(rngFor('p'), table, text, 1)).toBe(
      'concerned about for example eggs; unworried by egg',
    );
  });

  it('keeps every phrase at rate 0 and draws one chance per occurrence', () => {
    const { rng, draws } = recording('p0');
    const table = paraphraser(publicSet(), rows);
    expect(paraphrase(rng, table, 'worried, worried', 0)).toBe('worried, worried');
    expect(draws).toEqual(['chance(0)', 'chance(0)']);
  });

  it('offers hidden cases the families the set picks', () => {
    const hidden: CaseSet = { ...publicSet(), kind: 'hidden', families: (_label, all) => all.slice(1) };
    const table = paraphraser(hidden, rows);
    expect(table.map(([, alternatives]) => alternatives)).toEqual([['say'], ['anxious']]);
  });
});
