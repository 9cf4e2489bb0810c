import { pipelineJsonSchema } from '@reps/shared';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development (`npm run dev -w apps/web`) Vite serves the app and proxies the API; in
// production the API serves the built files from apps/web/dist on the same origin.
const api = process.env.REPS_API_URL ?? 'http://127.0.0.1:3000';

/**
 * `virtual:pipeline-schema`: the DSL's JSON Schema, generated from the zod definition at build
 * time, so the editor's completions follow the one definition without shipping zod to browsers.
 */
function pipelineSchemaModule(): Plugin {
  const id = 'virtual:pipeline-schema';
  return {
    name: 'reps-pipeline-schema',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (source) =>
      source === `\0${id}` ? `export default ${JSON.stringify(pipelineJsonSchema())};` : undefined,
  };
}

export default defineConfig({
  plugins: [react(), pipelineSchemaModule()],
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  server: { port: 5173, host: '127.0.0.1', proxy: { '/api': api, '/metrics': api } },
});
