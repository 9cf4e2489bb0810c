import type { CliEnv } from './cli-env.js';
import type { CliIo } from './cli-io.js';

/** What every command receives: where to write and the environment, parsed once at start. */
export interface CliContext {
  io: CliIo;
  env: CliEnv;
}
