import { jsonbSafe } from './jsonb-safe.js';

describe('jsonbSafe', () => {
  it('replaces NUL in strings and keys at any depth, and nothing else', () => {
    const value = { a: ['x\u0000y', { 'k\u0000': 1 }], b: 'plain', c: null, d: 2 };
    expect(jsonbSafe(value)).toEqual({ a: ['x\uFFFDy', { 'k\uFFFD': 1 }], b: 'plain', c: null, d: 2 });
    expect(JSON.stringify(jsonbSafe(value))).not.toContain('\\u0000');
  });

  it('returns a value without NUL as it is', () => {
    const value = { a: [1, 'two', { three: true }] };
    expect(jsonbSafe(value)).toBe(value);
  });
});
