import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

/**
 * The compiled QuickJS WebAssembly module: the one thing sandboxes share. It holds code, not state;
 * every sandbox instantiates it afresh with a linear memory of its own (see newQuickJSInstance).
 */
const require = createRequire(import.meta.url);
const wasmPath = require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm');

/** The few WebAssembly APIs used here (the project's TypeScript libs carry no WebAssembly types). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: Wasm };

/**
 * The name under which the module exports its shadow stack pointer (see exportStackPointer).
 * Emscripten keeps C's stack pointer in a WebAssembly global, outside linear memory: a boot image
 * (quickjs-sandbox.ts) cannot restore it, and a host error thrown through QuickJS's frames (V8's
 * own stack overflowing in the parser) unwinds them without giving their stack back.
 */
const STACK_POINTER_EXPORT = 'reps_stack_pointer';

export const quickJSWasm: object = new WebAssembly.Module(exportStackPointer(readFileSync(wasmPath)));

/** 64 KiB WebAssembly pages; the module asks for 16 MiB (256 pages) at start. */
const PAGE = 64 * 1024;
const INITIAL_PAGES = 256;

// The variant's .d.ts is CommonJS-shaped, so TypeScript sees the module rather than its default.
const baseVariant = variant as unknown as QuickJSSyncVariant;

/** A QuickJS WebAssembly instance and the linear memory it runs in. */
export interface QuickJSInstance {
  module: QuickJSWASMModule;
  /** C's stack pointer (a WebAssembly global, so not part of the memory): read it, or put it back. */
  stackPointer: { value: number };
  /** Bytes of linear memory in use now (it only grows). */
  memoryBytes(): number;
  /** The linear memory as it is now (a new view after it grew). */
  bytes(): Uint8Array;
  /**
   * Puts the memory back exactly as it was once the instance's first sandbox booted, every byte
   * past that zero again (set by the sandbox that booted it; see quickjs-sandbox.ts).
   */
  scrub?: () => void;
}

/**
 * A QuickJS instance with its own linear memory, capped at `heapBytes` above the module's start
 * size. QuickJS's own memory limit cannot hold in this build (Emscripten reports no allocation
 * sizes, so it only refuses single allocations over the limit); a WebAssembly.Memory maximum does:
 * allocation past it fails inside QuickJS as "out of memory". Dropping the instance gives all of
 * its memory back, which a shared module never would (WebAssembly memory does not shrink).
 */
export async function newQuickJSInstance(heapBytes: number): Promise<QuickJSInstance> {
  const maximum = INITIAL_PAGES + Math.ceil(heapBytes / PAGE);
  const wasmMemory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum });
  let stackPointer: { value: number } | undefined;
  const module = await newQuickJSWASMModuleFromVariant(
    newVariant(baseVariant, {
      wasmMemory: wasmMemory as never,
      emscriptenModule: {
        // QuickJS's own diagnostics (an assertion while freeing a runtime cut off mid-job) are not
        // the worker's to log: the sandbox reports limits as errors of the case.
        print: () => undefined,
        printErr: () => undefined,
        // Instantiated here rather than by quickjs-emscripten (its `wasmModule` option) to keep
        // hold of the exported stack pointer.
        instantiateWasm: (imports: object, receive: (instance: object, module: object) => void) => {
          const instance = new WebAssembly.Instance(quickJSWasm, imports);
          stackPointer = instance.exports[STACK_POINTER_EXPORT] as { value: number };
          receive(instance, quickJSWasm);
          return instance.exports;
        },
      } as never,
    }),
  );
  if (!stackPointer) throw new Error('The QuickJS module was not instantiated through instantiateWasm.');
  return {
    module,
    stackPointer,
    memoryBytes: () => wasmMemory.buffer.byteLength,
    bytes: () => new Uint8Array(wasmMemory.buffer),
  };
}

/** Linear memory an instance starts with. */
export const INITIAL_MEMORY_BYTES = INITIAL_PAGES * PAGE;

/**
 * The module's bytes with its stack pointer exported as STACK_POINTER_EXPORT. Emscripten's
 * stack pointer is the module's first global, a mutable i32 (QuickJS's build has no other and
 * imports none); anything else is refused, so a rebuilt module that changes this fails at load,
 * not in a grading.
 */
export function exportStackPointer(wasm: Uint8Array): Uint8Array {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = wasm[at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  };
  const refuse = (why: string) => {
    throw new Error(`The QuickJS WebAssembly module cannot have its stack pointer exported: ${why}.`);
  };
  let exportsAt: { start: number; contentStart: number; end: number } | undefined;
  let firstGlobalIsStackPointer = false;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++]!;
    const size = leb();
    const contentStart = at;
    if (id === 2) {
      // Imports: a global imported would come first in the globals' numbering.
      for (let count = leb(); count > 0; count--) {
        for (let names = 0; names < 2; names++) {
          const length = leb();
          at += length;
        }
        const kind = wasm[at++]!;
        if (kind === 3) refuse('it imports a global');
        if (kind === 0) leb();
        else if (kind === 1) {
          at++;
          const flags = wasm[at++]!;
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = wasm[at++]!;
          leb();
          if (flags & 1) leb();
        }
      }
    } else if (id === 6) {
      firstGlobalIsStackPointer = leb() > 0 && wasm[at] === 0x7f && wasm[at + 1] === 1;
    } else if (id === 7) exportsAt = { start, contentStart, end: contentStart + size };
    at = contentStart + size;
  }
  if (!firstGlobalIsStackPointer) refuse('its first global is not a mutable i32');
  if (!exportsAt) refuse('it has no export section');
  const { start, contentStart, end } = exportsAt!;
  at = contentStart;
  const count = leb();
  const name = new TextEncoder().encode(STACK_POINTER_EXPORT);
  // The entries there, then one more: the name, 3 (a global) and 0 (its index).
  const entries = concat([wasm.subarray(at, end), unsignedLeb(name.length), name, [3, 0]]);
  const content = concat([unsignedLeb(count + 1), entries]);
  return concat([wasm.subarray(0, start), [7], unsignedLeb(content.length), content, wasm.subarray(end)]);
}

function concat(parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return bytes;
}
