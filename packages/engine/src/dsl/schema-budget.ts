import { MAX_PIPELINE_SCHEMA_BYTES } from '../schema/safe-ajv.js';

/**
 * The distinct JSON Schemas one check compiles, and their bytes together: a pipeline's own and
 * those of every skill it uses share one budget of MAX_PIPELINE_SCHEMA_BYTES, since compiling is
 * the costly part of a check. A schema written twice, word for word, counts once.
 */
export class SchemaBudget {
  private readonly seen = new Set<string>();
  private bytes = 0;

  /**
   * Counts a schema by its canonical text: `seen` (counted before, nothing to compile), `ok`,
   * `over` (it crosses the budget: report it) or `beyond` (the budget was crossed before).
   */
  add(canonical: string): 'seen' | 'ok' | 'over' | 'beyond' {
    if (this.seen.has(canonical)) return 'seen';
    this.seen.add(canonical);
    const before = this.bytes;
    this.bytes += Buffer.byteLength(canonical, 'utf8');
    if (this.bytes <= MAX_PIPELINE_SCHEMA_BYTES) return 'ok';
    return before <= MAX_PIPELINE_SCHEMA_BYTES ? 'over' : 'beyond';
  }
}
