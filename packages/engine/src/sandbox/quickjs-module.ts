import variant from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';

/**
 * The QuickJS WebAssembly module, loaded once when the engine is imported. Loading is async, but
 * doing it here lets sandboxes be created synchronously, so parsePipeline (which syntax-checks code
 * in QuickJS) can be a plain function for editors and the CLI.
 */
// The variant's .d.ts is CommonJS-shaped, so TypeScript sees the module rather than its default.
export const quickJSModule: QuickJSWASMModule = await newQuickJSWASMModuleFromVariant(
  variant as unknown as QuickJSSyncVariant,
);
