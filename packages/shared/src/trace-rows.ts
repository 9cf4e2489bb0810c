import type {
  CallTrace,
  CaseTrace,
  ItemTrace,
  IterationTrace,
  StepTrace,
  ToolCallTrace,
  TurnTrace,
  ValidateRoundTrace,
} from './trace.js';

/**
 * A case trace as rows, in reading order: each step, then what it holds (its model calls, an
 * agent's turns with their tool calls and the steps a tool ran, map items, inner steps of a branch
 * or skill, validate rounds with their redos and items, loop iterations), each a level deeper than
 * what holds it. The web's trace timeline and `reps trace`
 * both draw these rows; only the drawing differs. Plain code with type-only imports, exported as
 * `@reps/shared/trace-rows` so the web can bundle it without the schemas.
 */
export type TraceRow = StepRow | CallRow | TurnRow | ToolCallRow | ItemRow | RoundRow | IterationRow;

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

/** One turn of an agent: its model call; the turn spans the call and the tool calls it asked for. */
export interface TurnRow extends RowBase {
  type: 'turn';
  turn: TurnTrace;
  /** The agent step the turn belongs to. */
  step: StepTrace;
  /**
   * How many of the call's first messages were the turn before's messages too: the ones after
   * them are what this turn added (the previous answer's tool calls and their results).
   */
  resent: number;
}

/** One tool call of a turn; a `use` or `steps` tool's inner steps follow it, a level deeper. */
export interface ToolCallRow extends RowBase {
  type: 'tool_call';
  toolCall: ToolCallTrace;
  /** The turn that asked for the call, and its agent step. */
  turn: TurnTrace;
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
    let before: TurnTrace | undefined;
    for (const turn of step.turns ?? []) {
      const path = `${at}/turn${turn.turn}`;
      const resent = before ? resentMessages(before, turn) : 0;
      before = turn;
      const turnSpan = {
        start_ms: turn.call.start_ms,
        end_ms: Math.max(turn.call.end_ms, ...turn.tool_calls.map((toolCall) => toolCall.end_ms)),
      };
      if (!push({ type: 'turn', path, depth, ...turnSpan, turn, step, resent })) return;
      turn.tool_calls.forEach((toolCall, t) => {
        const toolPath = `${path}/tool${t}`;
        const { start_ms, end_ms } = toolCall;
        if (
          !push({
            type: 'tool_call',
            path: toolPath,
            depth: depth + 1,
            start_ms,
            end_ms,
            toolCall,
            turn,
            step,
          })
        )
          return;
        if (toolCall.steps) steps(toolCall.steps, depth + 2, toolPath);
      });
    }
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

/**
 * How many of the turn's first messages are the previous turn's messages again (an agent resends
 * its whole conversation each turn; a turn that trimmed it resends fewer).
 */
function resentMessages(previous: TurnTrace, turn: TurnTrace): number {
  const earlier = previous.call.messages;
  const now = turn.call.messages;
  let same = 0;
  while (
    same < earlier.length &&
    same < now.length &&
    earlier[same]?.role === now[same]?.role &&
    earlier[same]?.content === now[same]?.content
  )
    same++;
  return same;
}

/** From the first start to the last end of the steps run, or the holding step's own span. */
function span(ran: readonly StepTrace[], holder: StepTrace): { start_ms: number; end_ms: number } {
  if (ran.length === 0) return { start_ms: holder.start_ms, end_ms: holder.end_ms };
  return {
    start_ms: Math.min(...ran.map((s) => s.start_ms)),
    end_ms: Math.max(...ran.map((s) => s.end_ms)),
  };
}
