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
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: Wasm };

export const quickJSWasm: object = new WebAssembly.Module(readFileSync(wasmPath));

/** 64 KiB WebAssembly pages; the module asks for 16 MiB (256 pages) at start. */
const PAGE = 64 * 1024;
const INITIAL_PAGES = 256;

// The variant's .d.ts is CommonJS-shaped, so TypeScript sees the module rather than its default.
const baseVariant = variant as unknown as QuickJSSyncVariant;

/** A QuickJS WebAssembly instance and the linear memory it runs in. */
export interface QuickJSInstance {
  module: QuickJSWASMModule;
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
  const module = await newQuickJSWASMModuleFromVariant(
    newVariant(baseVariant, {
      wasmModule: quickJSWasm as never,
      wasmMemory: wasmMemory as never,
      // QuickJS's own diagnostics (an assertion while freeing a runtime cut off mid-job) are not
      // the worker's to log: the sandbox reports limits as errors of the case.
      emscriptenModule: { print: () => undefined, printErr: () => undefined } as never,
    }),
  );
  return {
    module,
    memoryBytes: () => wasmMemory.buffer.byteLength,
    bytes: () => new Uint8Array(wasmMemory.buffer),
  };
}

/** Linear memory an instance starts with. */
export const INITIAL_MEMORY_BYTES = INITIAL_PAGES * PAGE;
