/**
 * Every error Reps reports carries one of these codes. One message per code, used by the API, the
 * worker, the CLI and the web app; a specific error adds detail to the message, never replaces it.
 */
export const ErrorCode = {
  // Pipeline and run errors (docs/dsl.md)
  invalid_pipeline: 'invalid_pipeline',
  invalid_output: 'invalid_output',
  budget_exceeded: 'budget_exceeded',
  timeout: 'timeout',
  model_error: 'model_error',
  rate_limited: 'rate_limited',
  context_length_exceeded: 'context_length_exceeded',
  code_error: 'code_error',
  sandbox_limit: 'sandbox_limit',
  no_branch_matched: 'no_branch_matched',
  agent_max_turns: 'agent_max_turns',
  grader_error: 'grader_error',
  // Platform errors
  validation_failed: 'validation_failed',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_passed: 'not_passed',
  not_found: 'not_found',
  conflict: 'conflict',
  too_many_requests: 'too_many_requests',
  service_unavailable: 'service_unavailable',
  invalid_config: 'invalid_config',
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorMessages: Record<ErrorCode, string> = {
  invalid_pipeline: 'The pipeline is not valid; fix the marked lines and try again.',
  invalid_output:
    "The output did not match what was asked for (a step's format, or the challenge's output schema and size limits), or it broke the scorer.",
  budget_exceeded: 'The case used up its budget (calls, tokens, cost or time) and was stopped.',
  timeout: 'The step took longer than its timeout.',
  model_error: 'The model provider returned an error.',
  rate_limited: 'The model provider is rate limiting requests; retry later or lower the concurrency.',
  context_length_exceeded: "The prompt is longer than the model's context window.",
  code_error: 'A code step or expression threw an error.',
  sandbox_limit: 'A code step or expression hit a sandbox limit (time, memory or stack).',
  no_branch_matched: 'No branch case matched and the branch has no default.',
  agent_max_turns:
    'The agent used all its turns (max_turns) without giving a final answer; raise max_turns, offer fewer or clearer tools, or end it with stop_when.',
  grader_error:
    'The grader failed on this case whatever the output (its scorer fails on the expected output too); it is reported and left out of correctness, not scored as zero.',
  validation_failed: 'The request is not valid.',
  unauthenticated: 'Sign in to do this.',
  forbidden: 'You are not allowed to do this.',
  not_passed:
    'Pass this challenge first: its solutions open once your best accepted submission reaches the pass mark.',
  not_found: 'Not found.',
  conflict: 'This conflicts with something that already exists.',
  too_many_requests: 'Too many requests; wait a moment and try again.',
  service_unavailable: 'A service Reps depends on is unavailable.',
  invalid_config: 'The configuration is not valid.',
  internal: 'Something went wrong on our side; it has been logged.',
};

/** Where in a source file (a pipeline, a challenge manifest) an error applies; 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One problem found in user input, with where it applies. */
export interface Issue {
  code: ErrorCode;
  message: string;
  /** Dotted path in the document, e.g. `steps.2.llm.model`. */
  path?: string;
  line?: number;
  column?: number;
}

/** The JSON body of every error response of the API. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: Issue[]; requestId?: string };
}

/** An error that carries a code; thrown by the engine and the platform alike. */
export class RepsError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  constructor(code: ErrorCode, message?: string, issues: Issue[] = []) {
    super(message ?? errorMessages[code]);
    this.name = 'RepsError';
    this.code = code;
    this.issues = issues;
  }
}
