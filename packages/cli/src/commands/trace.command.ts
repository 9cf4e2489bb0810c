import type { CliContext } from '../cli-context.js';
import { EXIT, type ExitCode } from '../cli-error.js';
import { renderTrace } from '../output/trace-timeline.js';
import { DEFAULT_TRACE_DIR, loadTraceRecord } from '../run/trace-record.js';

export interface TraceOptions {
  full?: boolean;
  json?: boolean;
  dir?: string;
}

/** Wide enough to recognise a prompt, narrow enough that a step stays one line. */
const CLIP_WIDTH = 100;

/** `reps trace <case-id|file>`: the timeline of one saved public case. */
export async function traceCommand(
  arg: string,
  options: TraceOptions,
  { io }: CliContext,
): Promise<ExitCode> {
  const record = await loadTraceRecord(io.cwd, arg, options.dir ?? DEFAULT_TRACE_DIR);
  if (options.json) io.out(`${JSON.stringify(record, null, 2)}\n`);
  else io.out(renderTrace(record, { full: Boolean(options.full), width: CLIP_WIDTH }));
  return EXIT.ok;
}
