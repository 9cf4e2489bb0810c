/// <reference types="vite/client" />

/** The pipeline DSL's JSON Schema, generated at build time from @reps/shared (see vite.config.ts). */
declare module 'virtual:pipeline-schema' {
  const schema: Record<string, unknown>;
  export default schema;
}

/** The step kinds and what the editor and the graph say about each, from @reps/shared (see vite.config.ts). */
declare module 'virtual:step-kinds' {
  export { STEP_KIND_INFO, STEP_KINDS } from '@reps/shared';
}

/** Statuses and periods shared by API, web and CLI, from @reps/shared (see vite.config.ts). */
declare module 'virtual:contracts' {
  export { FINAL_RUN_STATUSES, FINAL_SUBMISSION_STATUSES, PERIODS } from '@reps/shared';
}
