import { availableParallelism } from 'node:os';

/**
 * Lanes of CPU-bound gradings (every model simulated) running cases at once in this process, over
 * all its graders: one per core. A worker grades several jobs at once (REPS_WORKER_CONCURRENCY) so
 * that gradings waiting on real models overlap; gradings that only compute would instead share the
 * cores among more threads than there are cores, each with its own heap and caches, and all finish
 * later: on 2 cores, four meeting-action-items gradings at once graded 26 a minute, one at a time in
 * two threads 27.5. A lane waits for a slot before its first case and gives it back after its last,
 * so the next grading's lanes start as the last one's run out of cases.
 */
export class CpuSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size = availableParallelism()) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`size must be a whole number ≥ 1, not ${size}`);
    this.free = size;
  }

  /**
   * Calls `granted` with a slot as soon as one is free (at once if one is). Answers a function that
   * withdraws the request if it is still waiting; a granted slot goes back with `release`.
   */
  request(granted: () => void): () => void {
    if (this.free > 0) {
      this.free--;
      granted();
      return () => undefined;
    }
    this.waiting.push(granted);
    return () => {
      const at = this.waiting.indexOf(granted);
      if (at >= 0) this.waiting.splice(at, 1);
    };
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free = Math.min(this.size, this.free + 1);
  }

  /** Slots free now, and requests waiting for one. */
  get state(): { free: number; waiting: number } {
    return { free: this.free, waiting: this.waiting.length };
  }
}

/** The process's slots, shared by every IsolatedGrader. */
export const cpuSlots = new CpuSlots();
