/** A submission's progress is told in tenths of its hidden set (docs/grading.md). */
export const PROGRESS_STEPS = 10;
/** At most one progress report a second. */
export const PROGRESS_MIN_INTERVAL_MS = 1000;

/**
 * Cases done as anyone outside the worker sees it while a submission is graded: the hidden cases
 * done rounded down to a tenth of the hidden set, at most nine tenths. The last tenth and the
 * public cases (graded after the hidden ones) are told by the final status. `done` counts hidden
 * cases first, then public ones, as the grading reports them.
 */
export function coarseCasesDone(done: number, hidden: number, steps = PROGRESS_STEPS): number {
  if (hidden <= 0 || done <= 0) return 0;
  const step = Math.min(steps - 1, Math.floor((Math.min(done, hidden) * steps) / hidden));
  return Math.floor((step * hidden) / steps);
}

/**
 * Progress reports for one grading, coarse in count and in time, so that neither the events nor
 * the stored `cases_done` tell which hidden case finished when (a report per case would time each
 * one): a report only when the count reaches a new tenth (coarseCasesDone), at most one per
 * `minIntervalMs` (a tenth reached sooner is reported when the interval is up, or not at all if a
 * later one is), so at most nine over a grading. The start and the final status are reported by the
 * caller; `stop` must be called when the grading ends.
 */
export class ProgressSteps {
  private shown = 0;
  private pending: number | null = null;
  private lastAt = Date.now(); // the caller has just reported the start
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly hidden: number,
    private readonly report: (done: number) => void,
    private readonly minIntervalMs = PROGRESS_MIN_INTERVAL_MS,
  ) {}

  update(done: number): void {
    if (this.stopped) return;
    const step = coarseCasesDone(done, this.hidden);
    if (step <= (this.pending ?? this.shown)) return;
    const wait = this.lastAt + this.minIntervalMs - Date.now();
    if (wait <= 0 && this.timer === undefined) {
      this.emit(step);
      return;
    }
    this.pending = step;
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (this.pending !== null && !this.stopped) this.emit(this.pending);
      }, wait);
      this.timer.unref?.();
    }
  }

  stop(): void {
    this.stopped = true;
    this.pending = null;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(step: number): void {
    this.pending = null;
    this.shown = step;
    this.lastAt = Date.now();
    this.report(step);
  }
}
