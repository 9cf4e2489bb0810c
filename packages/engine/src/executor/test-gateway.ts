import {
  type Completion,
  type CompletionRequest,
  type ModelContext,
  ModelError,
  type ModelErrorCode,
  type ModelGateway,
  type ModelInfo,
  type ToolCall,
} from '../models/types.js';

/** What the scripted model answers to one request. */
export interface Reply {
  text?: string;
  json?: unknown;
  latency_ms?: number;
  input_tokens?: number;
  output_tokens?: number;
  cost_usd?: number;
  error?: ModelErrorCode;
  retryAfterMs?: number;
  /** Tools the model asks to call (agent steps); the text may then be empty. */
  toolCalls?: ToolCall[];
}

export type Script = (request: CompletionRequest, prompt: string, callIndex: number) => Reply;

/**
 * A deterministic test double of the model gateway (tests only): a script decides each answer
 * from the request. `realDelayMs` adds real (wall-clock) jitter so tests can prove that the
 * order in which real responses arrive does not leak into results.
 */
export class TestGateway implements ModelGateway {
  readonly requests: CompletionRequest[] = [];

  constructor(
    private readonly script: Script,
    private readonly realDelayMs?: (request: CompletionRequest) => number,
  ) {}

  describe(model: string): ModelInfo | undefined {
    return model.startsWith('test-')
      ? {
          id: model,
          provider: 'echo',
          contextTokens: 8000,
          inputPricePerM: 1,
          outputPricePerM: 1,
          simulated: true,
        }
      : undefined;
  }

  list(): ModelInfo[] {
    return [this.describe('test-model')!];
  }

  async complete(request: CompletionRequest, _context: ModelContext): Promise<Completion> {
    const index = this.requests.length;
    this.requests.push(request);
    const prompt = request.messages[request.messages.length - 1]?.content ?? '';
    const reply = this.script(request, prompt, index);
    const delay = this.realDelayMs?.(request) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const usage = {
      input_tokens: reply.input_tokens ?? Math.ceil(prompt.length / 4),
      output_tokens:
        reply.output_tokens ?? Math.ceil((reply.text ?? JSON.stringify(reply.json ?? '')).length / 4),
    };
    const cost_usd = reply.cost_usd ?? (usage.input_tokens + usage.output_tokens) / 1e6;
    const latency_ms = reply.latency_ms ?? 100;
    if (reply.error) {
      throw new ModelError(reply.error, `scripted ${reply.error}`, {
        usage,
        cost_usd,
        latency_ms,
        ...(reply.retryAfterMs !== undefined ? { retryAfterMs: reply.retryAfterMs } : {}),
      });
    }
    const text = reply.text ?? (reply.toolCalls ? '' : JSON.stringify(reply.json));
    return {
      text,
      ...(reply.json !== undefined ? { json: reply.json } : {}),
      usage,
      cost_usd,
      latency_ms,
      model: request.model,
      ...(reply.toolCalls ? { toolCalls: reply.toolCalls } : {}),
    };
  }
}

/** A gateway answering by the first rule whose pattern the prompt matches. */
export function rules(
  list: [RegExp, Reply | ((prompt: string, request: CompletionRequest) => Reply)][],
): TestGateway {
  return new TestGateway((request, prompt) => {
    for (const [pattern, reply] of list) {
      if (pattern.test(prompt)) return typeof reply === 'function' ? reply(prompt, request) : reply;
    }
    return { text: 'no rule matched' };
  });
}
