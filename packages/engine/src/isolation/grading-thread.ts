import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostMessage, ThreadMessage } from './thread-protocol.js';

/**
 * The compiled entry of a thread (`grade-thread`, `task-thread`). From dist/ it sits next to this
 * file. When the engine runs from its TypeScript sources (jest maps @reps/engine to src/) a thread
 * cannot load .ts, so it runs the build's copy: `npm test` builds before the unit tests.
 */
export function threadEntry(name: 'grade-thread' | 'task-thread'): URL {
  const here = import.meta.url;
  const entry = here.endsWith('.ts')
    ? new URL(`../../dist/isolation/${name}.js`, here)
    : new URL(`./${name}.js`, here);
  if (!existsSync(entry))
    throw new Error(
      `${fileURLToPath(entry)} is missing: threads run the built engine; build it first (npm run build).`,
    );
  return entry;
}

type Listener = (message: ThreadMessage) => void;
type DeathListener = (reason: string) => void;

/**
 * One grading thread, seen from the host: messages in and out, and why it died if it did (out of
 * memory past its resource limits, a crash). Terminating it is never reported as a death.
 */
export class GradingThread {
  private readonly worker: Worker;
  private listener?: Listener;
  private deathListener?: DeathListener;
  private error?: Error;
  private death?: string;
  private terminated = false;
  /** Jobs the thread was lent to (see GradingThreadPool). */
  jobs = 0;

  constructor(readonly memoryMb: number) {
    this.worker = new Worker(threadEntry('grade-thread'), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    this.worker.on('message', (message: ThreadMessage) => this.listener?.(message));
    // Without an error listener a thread's crash would throw in the host.
    this.worker.on('error', (error) => {
      this.error ??= error;
    });
    this.worker.on('exit', (code) => {
      if (this.terminated) return;
      this.death = this.describeDeath(code);
      this.deathListener?.(this.death);
    });
  }

  /** Routes the thread's messages (and its death) to these listeners until the next call. */
  listen(listener?: Listener, onDeath?: DeathListener): void {
    this.listener = listener;
    this.deathListener = onDeath;
    if (this.death !== undefined && onDeath) queueMicrotask(() => onDeath(this.death!));
  }

  send(message: HostMessage): void {
    this.worker.postMessage(message);
  }

  /** Neither stopped nor dead: it can take another job. */
  get alive(): boolean {
    return !this.terminated && this.death === undefined;
  }

  /** Whether the thread keeps the process alive (an idle pooled thread does not). */
  hold(held: boolean): void {
    if (held) this.worker.ref();
    else this.worker.unref();
  }

  /** Stops the thread at once, even in the middle of synchronous work; its memory goes with it. */
  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.listen();
    await this.worker.terminate();
  }

  private describeDeath(code: number): string {
    const error = this.error as (Error & { code?: string }) | undefined;
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return `it ran out of memory (a grading thread may use ${this.memoryMb} MB)`;
    if (error) return `it crashed: ${error.message}`;
    return `its thread exited with code ${code}`;
  }
}
