import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a-server-key-of-enough-length-0123456789', 'model-keys');

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = box.seal('sk-test-1234');
    expect(box.open(a)).toBe('sk-test-1234');
    expect(box.seal('sk-test-1234')).not.toBe(a);
    expect(a).not.toContain('sk-test');
  });

  it('refuses a tampered box and a box sealed under another server key', () => {
    const sealed = box.seal('sk-test-1234');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => box.open(tampered)).toThrow();
    expect(() =>
      new SecretBox('another-server-key-0123456789-abcdefgh', 'model-keys').open(sealed),
    ).toThrow();
  });
});
