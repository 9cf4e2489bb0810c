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
  private worker!: Worker;
  private listener?: Listener;
  private deathListener?: DeathListener;
  private error?: Error;
  private death?: string;
  private terminated = false;
  /** The answer awaited to a `reset` (see reset): its `idle` goes here, not to the listener. */
  private resetReply?: (heapBytes: number | undefined) => void;
  /** Messages sent while a reset's verdict is awaited (see holdUntil). */
  private queued?: HostMessage[];
  /** Settles once that verdict is acted on (the thread kept or replaced). */
  private holding?: Promise<void>;
  /** Whether the thread keeps the process alive (see hold); a replacement inherits it. */
  private referenced = true;
  /** Jobs the thread was lent to (see GradingThreadPool). */
  jobs = 0;

  constructor(readonly memoryMb: number) {
    this.start();
  }

  /** Routes the thread's messages (and its death) to these listeners until the next call. */
  listen(listener?: Listener, onDeath?: DeathListener): void {
    this.listener = listener;
    this.deathListener = onDeath;
    if (this.death !== undefined && onDeath) queueMicrotask(() => onDeath(this.death!));
  }

  send(message: HostMessage): void {
    if (this.queued) this.queued.push(message);
    else this.worker.postMessage(message);
  }

  /**
   * Asks the thread to drop its job (`reset`): the heap it still uses once it has, or undefined
   * if it died first. The answer never reaches the listener, whoever listens by then.
   */
  reset(): Promise<number | undefined> {
    const ask = () =>
      new Promise<number | undefined>((resolve) => {
        if (this.terminated) return resolve(undefined);
        this.resetReply = resolve;
        this.worker.postMessage({ type: 'reset' } satisfies HostMessage);
      });
    // Given back while its last reset is still judged (a job took it and sent nothing): that
    // reset's answer is the verdict's, so this one is asked once the verdict is acted on.
    return this.holding ? this.holding.then(ask) : ask();
  }

  /**
   * Lent before its reset was judged: what is sent waits for the verdict. A thread that fails it
   * (too much heap kept, a slow reset, a death) is replaced by a fresh one, which then gets the
   * messages, so the job never runs on a thread the pool would not have kept. `onRestart` is told.
   */
  holdUntil(verdict: Promise<boolean>, onRestart: () => void): void {
    const queued: HostMessage[] = [];
    this.queued = queued;
    const holding = verdict.then((keep) => {
      if (this.holding === holding) this.holding = undefined;
      if (this.queued !== queued) return;
      this.queued = undefined;
      if (this.terminated) return;
      if (!keep) {
        const old = this.worker;
        this.resetReply = undefined;
        this.start();
        this.jobs = 1;
        old.terminate().catch(() => undefined);
        onRestart();
      }
      for (const message of queued) this.worker.postMessage(message);
    });
    this.holding = holding;
  }

  /** Neither stopped nor dead: it can take another job. */
  get alive(): boolean {
    return !this.terminated && this.death === undefined;
  }

  /** Whether the thread keeps the process alive (an idle pooled thread does not). */
  hold(held: boolean): void {
    this.referenced = held;
    if (held) this.worker.ref();
    else this.worker.unref();
  }

  /** Stops the thread at once, even in the middle of synchronous work; its memory goes with it. */
  async terminate(): Promise<void> {
    if (this.terminated) return;
    this.terminated = true;
    this.queued = undefined;
    this.listen();
    await this.worker.terminate();
  }

  private start(): void {
    const worker = new Worker(threadEntry('grade-thread'), {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
    });
    this.worker = worker;
    if (!this.referenced) worker.unref();
    this.error = undefined;
    this.death = undefined;
    worker.on('message', (message: ThreadMessage) => {
      if (worker !== this.worker) return;
      const reply = this.resetReply;
      if (message.type === 'idle' && reply) {
        this.resetReply = undefined;
        reply(message.heapBytes);
      } else this.listener?.(message);
    });
    // Without an error listener a thread's crash would throw in the host.
    worker.on('error', (error) => {
      if (worker === this.worker) this.error ??= error;
    });
    worker.on('exit', (code) => {
      if (this.terminated || worker !== this.worker) return;
      const reply = this.resetReply;
      this.resetReply = undefined;
      reply?.(undefined);
      // Dead while its reset is judged for a job that took it: replaced (holdUntil), not a death.
      if (reply && this.queued) return;
      this.death = this.describeDeath(code);
      this.deathListener?.(this.death);
    });
  }

  private describeDeath(code: number): string {
    const error = this.error as (Error & { code?: string }) | undefined;
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return `it ran out of memory (a grading thread may use ${this.memoryMb} MB)`;
    if (error) return `it crashed: ${error.message}`;
    return `its thread exited with code ${code}`;
  }
}
