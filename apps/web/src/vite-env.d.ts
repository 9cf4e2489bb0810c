/// <reference types="vite/client" />

/** The pipeline DSL's JSON Schema, generated at build time from @reps/shared (see vite.config.ts). */
declare module 'virtual:pipeline-schema' {
  const schema: Record<string, unknown>;
  export default schema;
}
