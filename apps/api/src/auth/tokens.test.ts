import { readCookie, SESSION_COOKIE } from './tokens.js';

describe('readCookie', () => {
  it('reads and decodes the named cookie among others', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=abc%2Bdef; b=2`, SESSION_COOKIE)).toBe('abc+def');
    expect(readCookie('a=1', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });

  it('treats a value that is not valid percent-encoding as no cookie instead of throwing', () => {
    for (const bad of ['%E0%A4%A', '%', '%zz', '%C0%80'])
      expect(readCookie(`${SESSION_COOKIE}=${bad}`, SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(`other=%E0%A4%A; ${SESSION_COOKIE}=ok`, SESSION_COOKIE)).toBe('ok');
  });
});
