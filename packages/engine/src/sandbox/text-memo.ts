/**
 * A memo of pure results keyed by text a learner wrote (a snippet, a template, an expression).
 * Bounded by the characters of its keys rather than by their number, since one key can be a
 * 256 KiB pipeline's worth of code: past `maxChars` in all it starts again empty.
 */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;

  constructor(private readonly maxChars = 4 * 1024 * 1024) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    if (this.chars + key.length > this.maxChars) {
      this.entries.clear();
      this.chars = 0;
    }
    this.entries.set(key, value);
    this.chars += key.length;
  }
}
