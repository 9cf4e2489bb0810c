/**
 * The shape of a practice run's result (and of a submission's public part), as the API sends it
 * in RunView.result. The API types it as unknown; these mirror packages/engine's trace types and
 * apps/api's result views, which the browser bundle cannot import.
 */

export interface TraceError {
  code: string;
  message: string;
}

export interface UsageTotals {
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

export interface CallTrace {
  attempt: number;
  sample: number;
  model: string;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  text?: string;
  output?: unknown;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  start_ms: number;
  end_ms: number;
  error?: TraceError;
}

export interface ItemTrace {
  index: number;
  start_ms: number;
  end_ms: number;
  status: 'ok' | 'failed';
  output?: unknown;
  error?: TraceError;
  steps: StepTrace[];
}

export interface StepTrace {
  id?: string;
  kind: string;
  start_ms: number;
  end_ms: number;
  status: 'ok' | 'failed' | 'skipped' | 'defaulted' | 'flagged';
  output?: unknown;
  error?: TraceError;
  attempts?: number;
  calls?: CallTrace[];
  items?: ItemTrace[];
  steps?: StepTrace[];
  branch?: number | 'default';
  rounds?: {
    round: number;
    failures: { index?: number; reason: string }[];
    redo: StepTrace[];
    items?: ItemTrace[];
  }[];
  flagged?: { index?: number; reason: string }[];
  iterations?: { iteration: number; steps: StepTrace[]; output?: unknown; done: boolean }[];
  tally?: Record<string, number>;
  usage: UsageTotals;
}

export interface CaseTrace {
  status: string;
  error?: TraceError & { step?: string };
  latency_ms: number;
  usage: UsageTotals;
  steps: StepTrace[];
}

export interface CaseResultView {
  id: string;
  input: unknown;
  expected: unknown;
  output: unknown;
  status: string;
  score: number | null;
  reason: string;
  cost_usd: number;
  latency_ms: number;
  trace: CaseTrace;
}

export interface RunResult {
  cases?: number;
  correctness: number;
  cost_usd: number;
  latency_ms: { p50: number; p95: number };
  calls: number;
  tokens: { input: number; output: number };
  statuses: Record<string, number>;
  failures: Record<string, number>;
  case_results: CaseResultView[];
}
