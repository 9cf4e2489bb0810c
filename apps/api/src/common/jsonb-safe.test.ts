import { isStorableText, jsonbSafe } from './jsonb-safe.js';

describe('jsonbSafe', () => {
  it('replaces NUL and lone surrogates in strings and keys at any depth, and nothing else', () => {
    const value = {
      a: ['x\u0000y', { 'k\u0000': 1, [`s${String.fromCharCode(0xd800)}`]: String.fromCharCode(0xdc00) }],
      b: 'plain 😀',
      c: null,
      d: 2,
    };
    expect(jsonbSafe(value)).toEqual({
      a: ['x\uFFFDy', { 'k\uFFFD': 1, 's\uFFFD': '\uFFFD' }],
      b: 'plain 😀',
      c: null,
      d: 2,
    });
    expect(JSON.stringify(jsonbSafe(value))).not.toMatch(/\\u0000|\\ud[89a-f]/i);
  });

  it('returns a value without either as it is', () => {
    const value = { a: [1, 'two 😀', { three: true }] };
    expect(jsonbSafe(value)).toBe(value);
  });

  it('tells storable text', () => {
    expect(isStorableText('a 😀 b')).toBe(true);
    expect(isStorableText('a\u0000')).toBe(false);
    expect(isStorableText(`a${String.fromCharCode(0xdbff)}`)).toBe(false);
    expect(isStorableText(`${String.fromCharCode(0xdc00)}b`)).toBe(false);
  });
});
