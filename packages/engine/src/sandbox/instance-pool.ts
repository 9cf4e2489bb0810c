import { INITIAL_MEMORY_BYTES, newQuickJSInstance, type QuickJSInstance } from './quickjs-module.js';

/**
 * QuickJS WebAssembly instances, lent to one sandbox at a time. Every sandbox still gets a runtime
 * and context of its own (its own heap objects, atoms, intrinsics, job queue: nothing of a
 * previous case is reachable from JavaScript), so what is reused is the instance's code and the
 * linear memory QuickJS's allocator hands out afresh; creating an instance per case costs a 16 MiB
 * memory and the garbage collection behind it, several times the case's own work.
 *
 * An instance goes back to the pool only when it ended cleanly and its memory did not grow past
 * RETURN_BELOW_BYTES; otherwise it is dropped and its memory returns to the system. Because one
 * sandbox holds an instance at a time, the instance's memory cap is that sandbox's alone.
 */
const RETURN_BELOW_BYTES = INITIAL_MEMORY_BYTES + 16 * 1024 * 1024;
const MAX_IDLE_PER_SIZE = 8;

/** Idle instances by heap size and boot (see leaseInstance). */
const idle = new Map<string, QuickJSInstance[]>();

export interface InstanceLease {
  instance: QuickJSInstance;
  /** Gives the instance back; `clean: false` (a limit was hit) drops it. */
  release(clean: boolean): void;
}

/**
 * An instance capped at `heapBytes`, idle or new. `boot` names what a sandbox leaves booted on an
 * instance it gives back (see the boot images in quickjs-sandbox.ts): instances are only lent
 * again for the same.
 */
export async function leaseInstance(heapBytes: number, boot = ''): Promise<InstanceLease> {
  const key = `${heapBytes}:${boot}`;
  const pool = idle.get(key) ?? [];
  idle.set(key, pool);
  const instance = pool.pop() ?? (await newQuickJSInstance(heapBytes));
  let released = false;
  return {
    instance,
    release(clean) {
      if (released) return;
      released = true;
      if (clean && instance.memoryBytes() <= RETURN_BELOW_BYTES && pool.length < MAX_IDLE_PER_SIZE)
        pool.push(instance);
    },
  };
}

/** Drops every idle instance (tests, and processes about to idle for long). */
export function drainInstancePool(): void {
  idle.clear();
}

/**
 * Puts every idle instance back to the state its first sandbox booted it in, to the byte (see
 * QuickJSInstance.scrub), so nothing any earlier sandbox's code made or read is left in its memory;
 * an instance that cannot be scrubbed is dropped. A grading thread does this between jobs.
 *
 * An instance whose memory grew is dropped too: WebAssembly memory never shrinks, and a job's
 * code can grow every instance it ran on to just under RETURN_BELOW_BYTES (16 pipeline and scorer
 * instances kept 457 MB outside V8's heap, where neither the thread's heap limit nor the pool's
 * heap share sees it) for as long as the thread waits for another job. Within a job it is kept.
 */
export function scrubInstancePool(): void {
  for (const [key, instances] of idle) {
    const kept = instances.filter((instance) => {
      if (!instance.scrub || instance.memoryBytes() > INITIAL_MEMORY_BYTES) return false;
      instance.scrub();
      return true;
    });
    idle.set(key, kept);
  }
}
