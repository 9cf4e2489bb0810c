import { pipelineJsonSchema } from '@reps/shared';
import type { CliContext } from '../cli-context.js';
import { EXIT, type ExitCode } from '../cli-error.js';

/** `reps schema`: the pipeline DSL as JSON Schema, for editors (`# yaml-language-server: $schema=`). */
export async function schemaCommand({ io }: CliContext): Promise<ExitCode> {
  io.out(`${JSON.stringify(pipelineJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
