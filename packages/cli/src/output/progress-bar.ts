export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar so the table that follows starts on a clean line. */
  finish(): void;
}

const REDRAW_MS = 50;

const NO_PROGRESS: ProgressBar = { update() {}, finish() {} };

/**
 * A one-line bar redrawn in place on stderr. Only on a terminal: in a pipe or a CI log, carriage
 * returns would pile up as noise, so there it draws nothing.
 */
export function createProgressBar(write: (text: string) => void, isTTY: boolean, columns = 80): ProgressBar {
  if (!isTTY) return NO_PROGRESS;
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      // Sim cases finish by the thousand per second; a terminal needs no more than ~20 frames.
      const now = Date.now();
      if (done < total && drawn && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const label = ` ${done}/${total} cases`;
      const width = Math.max(10, Math.min(40, columns - label.length - 4));
      const filled = total ? Math.round((done / total) * width) : width;
      write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${label}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
    },
  };
}
