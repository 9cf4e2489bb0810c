import type {
  CallTrace,
  CaseTrace,
  ItemTrace,
  IterationTrace,
  StepTrace,
  ValidateRoundTrace,
} from './trace.js';

/**
 * A case trace as rows, in reading order: each step, then what it holds (its model calls, map
 * items, inner steps of a branch or skill, validate rounds with their redos and items, loop
 * iterations), each a level deeper than what holds it. The web's trace timeline and `reps trace`
 * both draw these rows; only the drawing differs. Plain code with type-only imports, exported as
 * `@reps/shared/trace-rows` so the web can bundle it without the schemas.
 */
export type TraceRow = StepRow | CallRow | ItemRow | RoundRow | IterationRow;

interface RowBase {
  /** Unique within the trace: the row's place, as `/`-separated steps from the top. */
  path: string;
  /** 0 for the pipeline's own steps. */
  depth: number;
  /** Virtual ms from the start of the case; a round or iteration spans the steps it ran. */
  start_ms: number;
  end_ms: number;
}

export interface StepRow extends RowBase {
  type: 'step';
  step: StepTrace;
}

export interface CallRow extends RowBase {
  type: 'call';
  call: CallTrace;
  /** The llm step the call belongs to. */
  step: StepTrace;
}

export interface ItemRow extends RowBase {
  type: 'item';
  item: ItemTrace;
}

export interface RoundRow extends RowBase {
  type: 'round';
  round: ValidateRoundTrace;
  /** The validate step that ran the round. */
  step: StepTrace;
}

export interface IterationRow extends RowBase {
  type: 'iteration';
  iteration: IterationTrace;
  /** The loop step that ran the iteration. */
  step: StepTrace;
}

export interface FlattenOptions {
  /** Stop after this many rows (a huge map would otherwise give a huge page). Default: all. */
  limit?: number;
}

export function flattenTrace(trace: Pick<CaseTrace, 'steps'>, options: FlattenOptions = {}): TraceRow[] {
  const rows: TraceRow[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const push = (row: TraceRow): boolean => {
    if (rows.length >= limit) return false;
    rows.push(row);
    return true;
  };

  const steps = (list: readonly StepTrace[], depth: number, at: string): void => {
    list.forEach((step, i) => {
      const path = `${at}/${step.id ?? step.kind}#${i}`;
      if (!push({ type: 'step', path, depth, start_ms: step.start_ms, end_ms: step.end_ms, step })) return;
      contents(step, depth + 1, path);
    });
  };

  const items = (list: readonly ItemTrace[] | undefined, depth: number, at: string): void => {
    for (const item of list ?? []) {
      const path = `${at}/item${item.index}`;
      if (!push({ type: 'item', path, depth, start_ms: item.start_ms, end_ms: item.end_ms, item })) return;
      steps(item.steps, depth + 1, path);
    }
  };

  const contents = (step: StepTrace, depth: number, at: string): void => {
    (step.calls ?? []).forEach((call, c) => {
      push({
        type: 'call',
        path: `${at}/call${c}`,
        depth,
        start_ms: call.start_ms,
        end_ms: call.end_ms,
        call,
        step,
      });
    });
    items(step.items, depth, at);
    if (step.steps) steps(step.steps, depth, `${at}/inner`);
    for (const round of step.rounds ?? []) {
      const path = `${at}/round${round.round}`;
      const ran = [...round.redo, ...(round.items ?? []).flatMap((item) => item.steps)];
      if (!push({ type: 'round', path, depth, ...span(ran, step), round, step })) return;
      steps(round.redo, depth + 1, path);
      items(round.items, depth + 1, path);
    }
    for (const iteration of step.iterations ?? []) {
      const path = `${at}/iteration${iteration.iteration}`;
      if (!push({ type: 'iteration', path, depth, ...span(iteration.steps, step), iteration, step })) return;
      steps(iteration.steps, depth + 1, path);
    }
  };

  steps(trace.steps, 0, '');
  return rows;
}

/** From the first start to the last end of the steps run, or the holding step's own span. */
function span(ran: readonly StepTrace[], holder: StepTrace): { start_ms: number; end_ms: number } {
  if (ran.length === 0) return { start_ms: holder.start_ms, end_ms: holder.end_ms };
  return {
    start_ms: Math.min(...ran.map((s) => s.start_ms)),
    end_ms: Math.max(...ran.map((s) => s.end_ms)),
  };
}
