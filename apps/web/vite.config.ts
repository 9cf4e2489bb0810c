import {
  FINAL_RUN_STATUSES,
  FINAL_SUBMISSION_STATUSES,
  PERIODS,
  pipelineJsonSchema,
  STEP_KIND_INFO,
  STEP_KINDS,
} from '@reps/shared';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development (`npm run dev -w apps/web`) Vite serves the app and proxies the API; in
// production the API serves the built files from apps/web/dist on the same origin.
const api = process.env.REPS_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Modules generated at build time from @reps/shared, so that the editor and the graph follow the
 * one definition without shipping zod to browsers: `virtual:pipeline-schema`, the DSL's JSON
 * Schema; `virtual:step-kinds`, STEP_KINDS and STEP_KIND_INFO; `virtual:contracts`, the statuses
 * and periods API, web and CLI share (plain data, serialized as is).
 */
function sharedModules(): Plugin {
  const modules: Record<string, () => string> = {
    'virtual:pipeline-schema': () => `export default ${JSON.stringify(pipelineJsonSchema())};`,
    'virtual:step-kinds': () =>
      `export const STEP_KINDS = ${JSON.stringify(STEP_KINDS)};\n` +
      `export const STEP_KIND_INFO = ${JSON.stringify(STEP_KIND_INFO)};`,
    'virtual:contracts': () =>
      `export const FINAL_SUBMISSION_STATUSES = ${JSON.stringify(FINAL_SUBMISSION_STATUSES)};\n` +
      `export const FINAL_RUN_STATUSES = ${JSON.stringify(FINAL_RUN_STATUSES)};\n` +
      `export const PERIODS = ${JSON.stringify(PERIODS)};`,
  };
  return {
    name: 'reps-shared-modules',
    resolveId: (source) => (Object.hasOwn(modules, source) ? `\0${source}` : undefined),
    load: (id) =>
      id.startsWith('\0') && Object.hasOwn(modules, id.slice(1)) ? modules[id.slice(1)]!() : undefined,
  };
}

export default defineConfig({
  plugins: [react(), sharedModules()],
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  server: { port: 5173, host: '127.0.0.1', proxy: { '/api': api, '/metrics': api } },
});
