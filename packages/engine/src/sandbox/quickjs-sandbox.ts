import {
  DefaultIntrinsics,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
} from 'quickjs-emscripten';
import { jsonShape, MAX_VALUE_DEPTH } from '../trace/value-depth.js';
import { type HostValue, hostExpression } from './host-expression.js';
import { type InstanceLease, leaseInstance } from './instance-pool.js';
import { GUARDS_GLOBAL, GUARDS_SOURCE, METER_GLOBAL, PRELUDE } from './prelude.js';
import type { QuickJSInstance } from './quickjs-module.js';
import { scopeNames } from './scope-names.js';
import { type SnippetReads, scopeFor, snippetReads, WHOLE_SCOPE } from './snippet-reads.js';
import { type Sandbox, SandboxError, type SandboxLimits, type SandboxUsage } from './types.js';
import { type SnippetKind, wrapSnippet } from './wrap-snippet.js';

export interface QuickJSSandboxOptions extends SandboxLimits {
  /** Seed of Math.random; each evaluation reseeds from (seed, source, scope) so order never matters. */
  seed?: number;
  /** What `Date.now()` and `new Date()` return inside the sandbox (epoch ms). */
  nowMs?: number;
  /**
   * Default true: expressions the host can answer are answered there, and snippets are handed only
   * the scope they read. False: every snippet gets the whole scope in QuickJS, the behaviour the
   * shortcuts must be indistinguishable from (tests and benches compare the two).
   */
  shortcuts?: boolean;
  /**
   * Whose code and data the sandbox holds: sandboxes of different owners never run on the same
   * WebAssembly instance, so memory that held a scorer's expected answers or a generator's secret
   * is never lent to a pipeline's code. Default 'pipeline'.
   */
  owner?: 'pipeline' | 'scorer' | 'generator';
}

export const SANDBOX_DEFAULTS = {
  memoryBytes: 64 * 1024 * 1024,
  deadlineMs: 1000,
  // 512 KiB overflows V8's own stack before QuickJS notices; 256 KiB still allows ~1000 frames.
  stackBytes: 256 * 1024,
  maxOutputBytes: 8 * 1024 * 1024,
} as const;

/**
 * The language the sandbox offers: QuickJS's defaults without Proxy, whose traps could answer a
 * built-in's length check with one value and its loop with another.
 */
const INTRINSICS = { ...DefaultIntrinsics, Proxy: false };

/**
 * Most JSON all calls of one sandbox (one case) may hand back in all: results are kept on the host
 * (step outputs, traces), so a map of 1,000 items each returning 8 MiB must not reach the host.
 */
export const MAX_RESULT_BYTES_PER_SANDBOX = 64 * 1024 * 1024;

/**
 * Most objects and arrays all results of one sandbox may hold: each is a host object once parsed,
 * so `new Array(3e6).fill({})` (8 MiB of JSON) would otherwise cost the host far more than 8 MiB.
 */
export const MAX_RESULT_CONTAINERS_PER_SANDBOX = 1_000_000;

/**
 * Polls of built-in work (charged by the prelude's meter, see prelude.ts) one call may do per
 * millisecond of its deadline: a poll of charged work is calibrated to a poll of bytecode, of which
 * QuickJS runs about 7 a millisecond on the reference machine, so about as much C work as the
 * deadline allows bytecode. Past it the call stops before the work, on every machine alike.
 */
export const CHARGED_POLLS_PER_DEADLINE_MS = 8;

/**
 * How many times its deadline a call may run by the host's clock before it is stopped anyway. The
 * deadline itself is counted in polls (CHARGED_POLLS_PER_DEADLINE_MS per millisecond, bytecode and
 * built-in work alike), so whether code finishes does not depend on how busy the machine is; the
 * clock only stops a host so stalled that the polls never come.
 */
export const WALL_CLOCK_DEADLINES = 10;

/** Most promise jobs one call may run (an endless `.then` chain is cut here, not only at the deadline). */
export const MAX_JOBS_PER_CALL = 100_000;

/** Eval as a plain script: without it, quickjs-emscripten first checks whether the code is a module, a parse that cost more than compiling a snippet. */
const SCRIPT = { type: 'global' } as const;
/** Snippets: strict mode for the whole script, so the function needs no wrapper to be strict. */
const STRICT_SCRIPT = { type: 'global', strict: true } as const;

/**
 * QuickJS counts down one step at every function entry and every taken test or jump, and polls
 * the interrupt handler every 10,000 steps; those polls are a case's CPU in virtual time
 * (code-step.ts), so where in the count a code step starts decides how many polls it is charged.
 * An evaluation the host answers, or one handed less of the scope, must therefore leave the count
 * where QuickJS would have: it owes the steps QuickJS would have taken, which are taken (burnt)
 * before QuickJS next runs or anyone reads the polls. Measured, and checked by the sandbox tests:
 */
export const QUICKJS_STEPS = {
  /** Compiling a snippet: the script that creates its function runs once. */
  compile: 1,
  /** Calling the invoker with a snippet that takes no step itself, by the type of its result. */
  call: { primitive: 7, null: 8, container: 9 },
} as const;

/** `n` steps: one for the call, one per test of the loop (n + 1 of them), so it is called with n - 2. */
const BURN_SOURCE = '(function (n) { while (n-- > 0); })';
/** A script that takes exactly one step (its own entry). */
const ONE_STEP_SOURCE = '0';

/** 2024-01-01T00:00:00Z: a fixed clock, so code that reads the date is reproducible. */
export const DEFAULT_SANDBOX_NOW_MS = Date.UTC(2024, 0, 1);

/**
 * A sandbox with a QuickJS runtime and context of its own, frozen intrinsics, on a WebAssembly
 * instance it holds alone while it lives (so the instance's memory cap, memoryBytes, is its own).
 * Create one per case (or per generated case, per scored case) and dispose it when the case ends:
 * the runtime and everything in it is freed, and nothing it held can reach another case, run or
 * learner. The instance goes back to a pool for a later sandbox (see instance-pool.ts).
 */
export async function createQuickJSSandbox(options: QuickJSSandboxOptions = {}): Promise<QuickJSSandbox> {
  const limits = {
    memoryBytes: options.memoryBytes ?? SANDBOX_DEFAULTS.memoryBytes,
    deadlineMs: options.deadlineMs ?? SANDBOX_DEFAULTS.deadlineMs,
    stackBytes: options.stackBytes ?? SANDBOX_DEFAULTS.stackBytes,
    maxOutputBytes: options.maxOutputBytes ?? SANDBOX_DEFAULTS.maxOutputBytes,
  };
  const nowMs = options.nowMs ?? DEFAULT_SANDBOX_NOW_MS;
  const owner = options.owner ?? 'pipeline';
  const lease = await leaseInstance(limits.memoryBytes, `${owner}:${limits.stackBytes}:${nowMs}`);
  try {
    return new QuickJSSandbox(lease, limits, options.seed ?? 0, nowMs, options.shortcuts ?? true);
  } catch (error) {
    lease.release(false);
    throw error;
  }
}

/**
 * The Sandbox (docs/dsl.md) on QuickJS. Snippets are checked by a real parser before they
 * are compiled (wrapSnippet), compiled once per sandbox into a function kept as a handle, and
 * called with the scope as JSON. A Promise result is settled before the call returns, under the
 * same deadline; one that can never settle is a timeout.
 */
export class QuickJSSandbox implements Sandbox {
  private runtime!: QuickJSRuntime;
  private context!: QuickJSContext;
  private invoke!: QuickJSHandle;
  /** Compiled snippets by kind, source and parameter list (the key is never a joined copy of the source). */
  private compiled = snippetMaps<Map<string, QuickJSHandle>>();
  /**
   * The parameter lists each snippet has been called with, as the whole scope's names: before
   * scopes were cut to what a snippet reads, each of these compiled once (QUICKJS_STEPS.compile).
   */
  private wholeNames = snippetMaps<Set<string>>();
  /** QuickJS steps owed (see QUICKJS_STEPS), taken before QuickJS next runs or the polls are read. */
  private owed = 0;
  private burn: QuickJSHandle | undefined;
  private disposed = false;
  /** A limit was hit: the instance may hold leftovers of a runtime that did not free cleanly. */
  private tainted = false;
  private deadline = 0;
  private interrupted = false;
  /** Polls (bytecode and built-in work) the current call has used. */
  private charged = 0;
  /** Why the meter stopped the current call (a built-in's name and what went over), if it did. */
  private stopReason = '';
  private resultBytes = 0;
  private resultContainers = 0;
  private readonly counters: SandboxUsage = { calls: 0, polls: 0 };

  constructor(
    private readonly lease: InstanceLease,
    private readonly limits: Required<SandboxLimits>,
    private readonly seed: number,
    private readonly nowMs: number,
    private readonly shortcuts = true,
  ) {
    this.boot();
  }

  evaluate(expression: string, scope: Record<string, unknown>): unknown {
    return this.execute('expression', expression, scope);
  }

  run(body: string, scope: Record<string, unknown>): unknown {
    return this.execute('body', body, scope);
  }

  /** Calls so far, and QuickJS interrupt polls (one per ~10,000 interpreter steps): a CPU measure. */
  get usage(): Readonly<SandboxUsage> {
    if (this.owed > 0 && !this.disposed) {
      try {
        this.payOwedSteps();
      } catch {
        // Only a stalled host misses the deadline of a few steps; the count starts again with the runtime.
        this.rebuild();
      }
    }
    return this.counters;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.teardown();
    } catch {
      this.tainted = true;
    }
    this.lease.release(!this.tainted);
  }

  /**
   * A runtime and context with the prelude run, as if booted afresh: on an instance's first
   * sandbox they are booted and the instance's memory is kept as its boot image; every later
   * sandbox on the instance finds the memory put back to that image (teardown) and takes them
   * over. QuickJS keeps all of its state in linear memory (heap, atoms, shapes, the interrupt
   * counter, the memory limit), so the restored runtime is the booted one to the byte, and
   * booting costs a copy of a few MiB instead of parsing the prelude and freezing every intrinsic.
   */
  private boot(): void {
    const image = images.get(this.lease.instance) ?? this.firstBoot();
    image.owner = this;
    this.runtime = image.runtime;
    this.context = image.context;
    this.invoke = image.invoke!;
    this.compiled = snippetMaps();
    this.wholeNames = snippetMaps();
    this.owed = 0;
    this.burn = undefined;
  }

  /** Boots the instance's runtime and keeps its boot image; the interrupt handler and meter act for the image's owner. */
  private firstBoot(): BootImage {
    const instance = this.lease.instance;
    const runtime = instance.module.newRuntime();
    const context = runtime.newContext({ intrinsics: INTRINSICS });
    const image: BootImage = { runtime, context, memory: new Uint8Array(), stackPointer: 0, owner: this };
    runtime.setMemoryLimit(this.limits.memoryBytes);
    runtime.setMaxStackSize(this.limits.stackBytes);
    runtime.setInterruptHandler(() => image.owner?.interrupt() ?? true);
    const meter = context.newFunction('meter', (polls, what) => {
      const stop = image.owner?.meter(context.getNumber(polls), context.getString(what)) ?? true;
      return context.newNumber(stop ? 1 : 0);
    });
    context.setProp(context.global, METER_GLOBAL, meter);
    meter.dispose();
    const guards = context.newString(GUARDS_SOURCE);
    context.setProp(context.global, GUARDS_GLOBAL, guards);
    guards.dispose();
    this.arm();
    this.deadline = Date.now() + 5000;
    const polls = this.counters.polls;
    image.invoke = context.unwrapResult(context.evalCode(PRELUDE(this.nowMs), 'prelude.js', SCRIPT));
    this.counters.polls = polls; // the prelude's own work is not the code's
    image.memory = usedPrefix(instance.bytes()).slice();
    image.stackPointer = instance.stackPointer.value;
    image.idle = idleStack(image.memory, image.stackPointer, this.limits.stackBytes);
    images.set(instance, image);
    instance.scrub = () => restoreImage(instance, image).fill(0, image.memory.length);
    return image;
  }

  /** The interrupt handler: QuickJS polls it every 10,000 steps; true stops the code. */
  private interrupt(): boolean {
    this.counters.polls++;
    this.charged++;
    if (this.interrupted) return true;
    if (this.charged > this.pollCap())
      this.stopReason = 'counted in interpreter steps, the same on every machine';
    else if (Date.now() > this.deadline) this.stopReason = 'the machine was too busy to finish it';
    else return false;
    this.interrupted = true;
    return true;
  }

  /**
   * Puts the instance's memory back to its boot image: the runtime forgets everything this
   * sandbox's code made (compiled snippets, values, globals it could reach, pending jobs, the
   * allocator's state). The handles this sandbox holds point into what is overwritten: they are
   * dropped, never freed. Memory past the image (chunks the code had the allocator hand out) keeps
   * its bytes until reused: the allocator never reads memory it hands out before writing it
   * (calloc clears), QuickJS code cannot reach memory no live value points to, and the instance is
   * only lent again to a sandbox of the same owner (and grading thread, and so job).
   */
  private teardown(): void {
    this.compiled = snippetMaps();
    this.burn = undefined;
    const image = images.get(this.lease.instance);
    if (!image) return;
    restoreAfterCase(this.lease.instance, image);
    image.owner = undefined;
  }

  /** After a limit was hit the heap may be in any state: a fresh runtime for the rest of the case. */
  private rebuild(): void {
    this.tainted = true;
    try {
      this.teardown();
    } catch {
      // A runtime that failed mid-allocation may refuse to free cleanly; it is dropped either way.
    }
    this.boot();
  }

  private execute(kind: SnippetKind, source: string, scope: Record<string, unknown>): unknown {
    if (this.disposed) throw new Error('The sandbox was disposed.');
    this.counters.calls++;
    const names = scopeNames(scope);
    const wholeKey = names.join(',');
    const reads = this.shortcuts ? snippetReads(kind, source) : WHOLE_SCOPE;
    try {
      if (!reads.whole && kind === 'expression') {
        const host = hostExpression(reads.expression, source, scope, names);
        if (host && this.withinResultLimits(host.text))
          return this.answerOnHost(kind, source, wholeKey, host, names, reads);
      }
      // Only what the snippet reads is turned into JSON and parsed again in QuickJS.
      const seen = reads.whole ? { names, scope } : scopeFor(reads, names, scope);
      const key = reads.whole ? wholeKey : seen.names.join(',');
      const fn = this.compiledFor(kind, source, key, seen.names, wholeKey);
      const scopeJson = JSON.stringify(seen.scope, (_k, v) => (v === undefined ? null : v));
      return this.call(fn, scopeJson, hashSeed(this.seed, source, scopeJson));
    } catch (error) {
      if (error instanceof SandboxError) {
        if (error.code === 'sandbox_limit') this.rebuild();
        throw error;
      }
      // A host RangeError (the WebAssembly stack) leaves QuickJS in an unknown state.
      this.rebuild();
      throw new SandboxError('sandbox_limit', `The code hit a sandbox limit: ${(error as Error).message}`);
    }
  }

  /**
   * The compiled function of a snippet for a parameter list. Compiling once per whole scope's
   * names, as before scopes were cut, took a step each time; cut lists repeat more often, so a
   * compile that is no longer needed is owed instead (a cut list is a function of the whole list
   * and the source, so a compile needed now was needed before too).
   */
  private compiledFor(
    kind: SnippetKind,
    source: string,
    key: string,
    names: readonly string[],
    wholeKey: string,
  ): QuickJSHandle {
    const firstWithWholeNames = !this.wholeNames[kind].get(source)?.has(wholeKey);
    let fn = this.compiled[kind].get(source)?.get(key);
    if (fn) {
      if (firstWithWholeNames) this.owed += QUICKJS_STEPS.compile;
    } else fn = this.compile(kind, source, names, key);
    mapOf(this.wholeNames[kind], source, () => new Set<string>()).add(wholeKey);
    return fn;
  }

  /**
   * An expression answered on the host (host-expression.ts). QuickJS would have compiled it on
   * its first call with these names and run the invoker over it: those steps are owed. It is
   * still compiled then (for real, not owed), so a later call that must go to QuickJS finds it
   * compiled as it would have been.
   */
  private answerOnHost(
    kind: SnippetKind,
    source: string,
    wholeKey: string,
    host: HostValue,
    names: readonly string[],
    reads: SnippetReads,
  ): unknown {
    const seen = scopeFor(reads, names, {});
    this.compiledFor(kind, source, seen.names.join(','), seen.names, wholeKey);
    this.owed += QUICKJS_STEPS.call[host.kind];
    this.countResult(host.text);
    return JSON.parse(host.text);
  }

  /** Takes the steps owed (see QUICKJS_STEPS), so the count stands where QuickJS alone would have left it. */
  private payOwedSteps(): void {
    while (this.owed > 0) {
      this.arm();
      if (this.burn && this.owed >= 2) {
        const n = this.context.newNumber(this.owed - 2);
        const result = this.context.callFunction(this.burn, this.context.undefined, n);
        n.dispose();
        this.owed = 0;
        this.context.unwrapResult(result).dispose();
      } else if (!this.burn && this.owed >= 3) {
        this.owed -= QUICKJS_STEPS.compile;
        this.burn = this.context.unwrapResult(this.context.evalCode(BURN_SOURCE, 'burn.js', STRICT_SCRIPT));
      } else {
        this.owed -= 1;
        this.context.unwrapResult(this.context.evalCode(ONE_STEP_SOURCE, 'step.js', SCRIPT)).dispose();
      }
    }
  }

  private compile(kind: SnippetKind, source: string, names: readonly string[], key: string): QuickJSHandle {
    const wrapped = wrapSnippet(source, kind, names);
    this.payOwedSteps();
    this.arm();
    const result = this.context.evalCode(wrapped.source, 'snippet.js', STRICT_SCRIPT);
    if (result.error) throw this.toSandboxError(result.error);
    mapOf(this.compiled[kind], source, () => new Map<string, QuickJSHandle>()).set(key, result.value);
    return result.value;
  }

  private call(fn: QuickJSHandle, scopeJson: string, seed: number): unknown {
    this.payOwedSteps();
    const scopeHandle = this.context.newString(scopeJson);
    const seedHandle = this.context.newNumber(seed);
    this.arm();
    const result = this.context.callFunction(
      this.invoke,
      this.context.undefined,
      fn,
      scopeHandle,
      seedHandle,
    );
    scopeHandle.dispose();
    seedHandle.dispose();
    if (result.error) throw this.toSandboxError(result.error);
    const settled = this.settle(result.value);
    const text = this.context.typeof(settled) === 'string' ? this.context.getString(settled) : undefined;
    settled.dispose();
    if (text === undefined) return undefined;
    this.countResult(text);
    return JSON.parse(text);
  }

  /** Whether a result answered on the host stays within every limit QuickJS's would be checked against. */
  private withinResultLimits(text: string): boolean {
    if (text.length > this.limits.maxOutputBytes) return false;
    if (this.resultBytes + text.length > MAX_RESULT_BYTES_PER_SANDBOX) return false;
    const shape = jsonShape(text, MAX_VALUE_DEPTH);
    return (
      shape.depth <= MAX_VALUE_DEPTH &&
      this.resultContainers + shape.containers <= MAX_RESULT_CONTAINERS_PER_SANDBOX
    );
  }

  /** Checks a result's JSON against the limits and counts it toward this sandbox's totals. */
  private countResult(text: string): void {
    if (text.length > this.limits.maxOutputBytes) {
      throw new SandboxError(
        'sandbox_limit',
        `The result is ${text.length} bytes of JSON, over the limit of ${this.limits.maxOutputBytes}.`,
      );
    }
    this.resultBytes += text.length;
    if (this.resultBytes > MAX_RESULT_BYTES_PER_SANDBOX) {
      throw new SandboxError(
        'sandbox_limit',
        `This case's code has returned more than ${MAX_RESULT_BYTES_PER_SANDBOX / 2 ** 20} MiB of JSON in all.`,
      );
    }
    const shape = jsonShape(text, MAX_VALUE_DEPTH);
    if (shape.depth > MAX_VALUE_DEPTH) {
      throw new SandboxError('sandbox_limit', `The result nests deeper than ${MAX_VALUE_DEPTH} levels.`);
    }
    this.resultContainers += shape.containers;
    if (this.resultContainers > MAX_RESULT_CONTAINERS_PER_SANDBOX) {
      throw new SandboxError(
        'sandbox_limit',
        `This case's code has returned more than ${MAX_RESULT_CONTAINERS_PER_SANDBOX} objects and arrays in all.`,
      );
    }
  }

  /**
   * Runs the jobs the call queued (promise reactions) under the call's deadline, and for a
   * Promise result returns what it settled to. Jobs are drained even for a plain result, so no
   * callback is left to run during a later call.
   */
  private settle(value: QuickJSHandle): QuickJSHandle {
    // invoke answers a JSON string or undefined, or a Promise for async code: only an object can be one.
    const isPromise = this.context.typeof(value) === 'object' && this.promiseState(value) !== 'not a promise';
    let ran = 0;
    for (;;) {
      if (isPromise && this.promiseState(value) !== 'pending') break;
      if (!this.runtime.hasPendingJob()) break;
      if (ran >= MAX_JOBS_PER_CALL) {
        value.dispose();
        throw new SandboxError(
          'sandbox_limit',
          `The code queued more than ${MAX_JOBS_PER_CALL} promise jobs (an endless .then chain?).`,
        );
      }
      const jobs = this.runtime.executePendingJobs(1000);
      if (jobs.error) {
        value.dispose();
        throw this.toSandboxError(jobs.error);
      }
      ran += typeof jobs.value === 'number' && jobs.value > 0 ? jobs.value : 1000;
    }
    if (this.interrupted) {
      // A job past the deadline is cut off even when its promise swallows the interruption.
      value.dispose();
      throw new SandboxError('sandbox_limit', this.overDeadline());
    }
    if (!isPromise) return value;
    const state = this.context.getPromiseState(value);
    value.dispose();
    if (state.type === 'pending') {
      throw new SandboxError(
        'timeout',
        'The code returned a Promise that never settles (nothing is left that could resolve it).',
      );
    }
    if (state.type === 'rejected') throw this.toSandboxError(state.error, 'The Promise was rejected: ');
    return state.value;
  }

  /** The state of a value as a promise; frees the result handle QuickJS hands back. */
  private promiseState(value: QuickJSHandle): 'not a promise' | 'pending' | 'settled' {
    const state = this.context.getPromiseState(value);
    if (state.type === 'pending') return 'pending';
    if (state.type === 'rejected') {
      state.error.dispose();
      return 'settled';
    }
    if ('notAPromise' in state && state.notAPromise) return 'not a promise';
    state.value.dispose();
    return 'settled';
  }

  private arm(): void {
    this.deadline = Date.now() + this.limits.deadlineMs * WALL_CLOCK_DEADLINES;
    this.interrupted = false;
    this.charged = 0;
    this.stopReason = '';
  }

  /**
   * The prelude's meter: `polls` more polls of work done (or about to be done) in C by a
   * built-in. They count as CPU like the interpreter's own polls. Answers whether the call must
   * stop: already stopped, charged more than its deadline allows (deterministic), or past its
   * wall-clock deadline (what the interrupt handler checks, which C work never reaches).
   */
  private meter(polls: number, what: string): boolean {
    this.counters.polls += polls;
    this.charged += polls;
    if (this.interrupted) return true;
    if (this.charged > this.pollCap()) this.stopReason = `${what} did more work than the deadline allows`;
    else if (Date.now() > this.deadline) this.stopReason = `stopped in ${what}`;
    else return false;
    this.interrupted = true;
    return true;
  }

  /** Polls one call may use: its deadline, counted the same on every machine. */
  private pollCap(): number {
    return this.limits.deadlineMs * CHARGED_POLLS_PER_DEADLINE_MS;
  }

  private overDeadline(): string {
    const reason = this.stopReason ? ` (${this.stopReason}; built-in work counts toward it)` : '';
    return `The code ran longer than ${this.limits.deadlineMs} ms${reason}.`;
  }

  private toSandboxError(handle: QuickJSHandle, prefix = ''): SandboxError {
    const error = this.describe(handle);
    handle.dispose();
    // QuickJS out of memory mid-builtin can surface as a bare undefined or an empty InternalError.
    const bare =
      /^Uncaught (undefined|null)$/.test(error.message) || (error.name === 'InternalError' && !error.message);
    if (this.interrupted && this.stopReason) return new SandboxError('sandbox_limit', this.overDeadline());
    if (isLimit(error) || bare) {
      const what = /interrupted/.test(error.message)
        ? `ran longer than ${this.limits.deadlineMs} ms`
        : /stack/.test(error.message)
          ? 'recursed too deeply (stack limit)'
          : `used too much memory (limit ${Math.round(this.limits.memoryBytes / 2 ** 20)} MiB)`;
      return new SandboxError('sandbox_limit', `The code ${what}: ${error.message}`);
    }
    const text = error.name ? `${error.name}: ${error.message}` : error.message;
    return new SandboxError('code_error', `${prefix}${text}`);
  }

  /** Reads name, message and stack off a thrown value without dumping it whole (stacks can be huge). */
  private describe(handle: QuickJSHandle): { name: string; message: string; stack: string } {
    const read = (key: string): string => {
      try {
        const prop = this.context.getProp(handle, key);
        const value = this.context.typeof(prop) === 'string' ? this.context.getString(prop) : '';
        prop.dispose();
        return value;
      } catch {
        return '';
      }
    };
    if (this.context.typeof(handle) !== 'object') {
      const dumped = safeDump(this.context, handle);
      return { name: '', message: `Uncaught ${dumped}`, stack: '' };
    }
    return {
      name: read('name'),
      message: read('message').slice(0, 2000),
      stack: read('stack').slice(0, 2000),
    };
  }
}

type SnippetMaps<T> = Record<SnippetKind, Map<string, T>>;

function snippetMaps<T>(): SnippetMaps<T> {
  return { expression: new Map(), body: new Map() };
}

function mapOf<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

function safeDump(context: QuickJSContext, handle: QuickJSHandle): string {
  try {
    return JSON.stringify(context.dump(handle))?.slice(0, 2000) ?? 'undefined';
  } catch {
    return 'a value';
  }
}

function isLimit(error: { name: string; message: string }): boolean {
  if (error.name === 'InternalError')
    return /interrupted|stack overflow|out of memory|too long/i.test(error.message);
  return /out of memory/i.test(error.message);
}

/** FNV-1a over the seed, source and scope: the same evaluation always draws the same numbers. */
function hashSeed(seed: number, source: string, scopeJson: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const text of [source, scopeJson]) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** A runtime booted on an instance (see QuickJSSandbox.boot) and the instance's memory right after. */
interface BootImage {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  invoke?: QuickJSHandle;
  /** The instance's linear memory up to its last byte that is not zero, right after the boot. */
  memory: Uint8Array;
  /** C's stack pointer right after the boot (a WebAssembly global, not in the memory). */
  stackPointer: number;
  /** Zero bytes of the image no case's stack reaches (idleStack), left alone by teardown while they stay zero. */
  idle?: { from: number; to: number };
  /** The sandbox the runtime works for now: the interrupt handler and the meter act for it. */
  owner: QuickJSSandbox | undefined;
}

/**
 * Copies the boot image back into the instance's memory, but for `skip` (bytes known to equal the
 * image's already), and puts C's stack pointer where the boot left it (a host error thrown through
 * QuickJS, V8's stack overflowing in its parser, leaves the frames it unwound on C's stack).
 * Answers the memory, for a caller that clears what lies past it.
 */
function restoreImage(
  instance: QuickJSInstance,
  image: BootImage,
  skip?: { from: number; to: number },
): Uint8Array {
  const bytes = instance.bytes();
  if (skip) {
    bytes.set(image.memory.subarray(0, skip.from));
    bytes.set(image.memory.subarray(skip.to), skip.to);
  } else bytes.set(image.memory);
  instance.stackPointer.value = image.stackPointer;
  return bytes;
}

/**
 * Teardown's restore: the boot image but for its idle stack (idleStack), which is left as it is
 * when the top of it is still zero, as it is unless a case's C stack went past QuickJS's limit by
 * more than IDLE_STACK_MARGIN (never seen: QuickJS checks its limit in every recursion). Bytes
 * equal to the image's either way. Otherwise, and without an idle stack, the whole image.
 */
function restoreAfterCase(instance: QuickJSInstance, image: BootImage): void {
  const { idle } = image;
  const untouched = idle && allZero(instance.bytes(), idle.to - IDLE_STACK_GUARD, idle.to);
  restoreImage(instance, image, untouched ? idle : undefined);
}

/**
 * How far below QuickJS's own stack limit (the sandbox's stackBytes under the boot's stack
 * pointer) C's stack may go before teardown restores all of it: frames of C code past the last
 * check QuickJS makes (measured: about 7 KiB past a 256 KiB limit), with room to spare.
 */
const IDLE_STACK_MARGIN = 2 ** 20;
/** The top of the idle stack that must still be zero (a frame larger than this would have to leave it unwritten). */
const IDLE_STACK_GUARD = 64 * 1024;
const PAGE = 4096;

/**
 * The run of zero pages in the boot image that lies more than the sandbox's stack limit plus
 * IDLE_STACK_MARGIN below the boot's stack pointer: C's stack grows down from there, so no case
 * writes it (5 MiB of the 5.6 MiB image on QuickJS's build). Undefined when there is no such run
 * of at least a MiB.
 */
function idleStack(
  memory: Uint8Array,
  stackPointer: number,
  stackBytes: number,
): { from: number; to: number } | undefined {
  const to = Math.floor((stackPointer - stackBytes - IDLE_STACK_MARGIN) / PAGE) * PAGE;
  if (to - IDLE_STACK_GUARD <= 0 || to > memory.length) return undefined;
  let from = to;
  while (from >= PAGE && allZero(memory, from - PAGE, from)) from -= PAGE;
  return to - from >= 2 ** 20 && from < to - IDLE_STACK_GUARD ? { from, to } : undefined;
}

/** Whether bytes [from, to) are all zero (both multiples of 4). */
function allZero(bytes: Uint8Array, from: number, to: number): boolean {
  const words = new Int32Array(bytes.buffer, bytes.byteOffset + from, (to - from) >>> 2);
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return false;
  return true;
}

/** Boot images by instance: an instance dropped from the pool takes its image with it. */
const images = new WeakMap<QuickJSInstance, BootImage>();

/** The bytes up to the last one that is not zero (the rest of a fresh memory is zero, as WebAssembly gives it). */
function usedPrefix(bytes: Uint8Array): Uint8Array {
  const words = new Int32Array(bytes.buffer, 0, bytes.length >>> 2);
  let end = words.length;
  while (end > 0 && words[end - 1] === 0) end--;
  return bytes.subarray(0, end * 4);
}
