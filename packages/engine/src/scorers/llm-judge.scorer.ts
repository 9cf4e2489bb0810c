import { RepsError } from '@reps/shared';
import { z } from 'zod';
import { type Completion, ModelError, type ModelGateway } from '../models/types.js';
import { brief, kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';
import { isRecord } from './json-path.js';
import { jsonText } from './json-text.js';
import { zero } from './scorer-params.js';
import { defineScorer, type ScoreResult, type ScorerCase } from './scorer-types.js';

const params = z.strictObject({
  /** The judge: any model id the gateway serves, e.g. `sim-pro` or `openai:gpt-4o`. */
  model: z.string().min(1),
  /** What a good answer does and how to weigh its faults; the judge sees it verbatim. */
  rubric: z.string().trim().min(1),
  /** The judge scores 0..scale; the result is divided by it. */
  scale: z.union([z.literal(1), z.literal(10)]).default(10),
  /** Whether the judge sees the case input, for rubrics that depend on it. */
  include_input: z.boolean().default(true),
  max_output_tokens: z.int().positive().default(400),
});
type Params = z.output<typeof params>;

/**
 * Asks a judge model to grade the output against the expected answer under a rubric. The verdict
 * must be JSON `{ "score": 0..scale, "reason": "…" }`; anything else is a GraderError marked as the
 * grader's fault (grader_error, reported, never a zero), because a judge that cannot be read says
 * nothing about the output.
 */
export const llmJudgeScorer = defineScorer({
  name: 'llm_judge',
  params,
  create: (p, deps) => {
    const gateway = deps.gateway;
    if (!gateway)
      throw new RepsError(
        'invalid_config',
        'The llm_judge scorer needs a model gateway; pass deps.gateway to createScorer.',
      );
    return async (output, expected, testCase) => {
      if (output === undefined || output === null)
        return zero(`There is no output to judge (got ${kindOf(output)}).`);
      const completion = await ask(gateway, p, output, expected, testCase);
      return readVerdict(completion, p.scale);
    };
  },
});

async function ask(
  gateway: ModelGateway,
  p: Params,
  output: unknown,
  expected: unknown,
  testCase: ScorerCase,
): Promise<Completion> {
  try {
    return await gateway.complete(
      {
        model: p.model,
        temperature: 0,
        maxOutputTokens: p.max_output_tokens,
        messages: judgeMessages(p, output, expected, testCase),
        output: { kind: 'json', schema: verdictSchema(p.scale) },
      },
      {},
    );
  } catch (error) {
    // A prompt too long for the judge may be the output's doing (grade() checks that on the
    // expected output); any other model failure is the grader's whatever the output was.
    const tooLong = error instanceof ModelError && error.code === 'context_length_exceeded';
    throw new GraderError(`The judge model ${p.model} failed: ${(error as Error).message}`, {
      graderFault: !tooLong,
    });
  }
}

/** The judge's prompt; exported so challenge authors can see exactly what the judge reads. */
export function judgeMessages(p: Params, output: unknown, expected: unknown, testCase: ScorerCase) {
  const system =
    'You are a strict, fair grader. Compare the candidate output with the expected output using the rubric. ' +
    `Reply with JSON only: {"score": <number from 0 to ${p.scale}>, "reason": "<one or two sentences>"}.`;
  const parts = [`Rubric:\n${p.rubric}`];
  if (p.include_input) parts.push(`Task input:\n${pretty(testCase.input)}`);
  parts.push(`Expected output:\n${pretty(expected)}`);
  parts.push(`Candidate output:\n${pretty(output)}`);
  return [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: parts.join('\n\n') },
  ];
}

/** More than any judge's context holds; past it the text is cut (and the judge is told). */
const MAX_JUDGED_CHARS = 1_000_000;

/**
 * JSON.stringify(value, null, 2) without recursion, cut at MAX_JUDGED_CHARS: indentation grows
 * with depth, so a deeply nested output would otherwise be text quadratic in its size.
 */
function pretty(value: unknown): string {
  const text = jsonText(value, { indent: 2, limit: MAX_JUDGED_CHARS }) ?? 'undefined';
  return text.length > MAX_JUDGED_CHARS ? `${text.slice(0, MAX_JUDGED_CHARS)}\n… (cut here)` : text;
}

function verdictSchema(scale: number): Record<string, unknown> {
  return {
    type: 'object',
    required: ['score', 'reason'],
    properties: { score: { type: 'number', minimum: 0, maximum: scale }, reason: { type: 'string' } },
  };
}

/** Reads `{ score, reason }` from the parsed JSON, or from the first JSON object in the text. */
export function readVerdict(completion: Pick<Completion, 'text' | 'json'>, scale: number): ScoreResult {
  const verdict = isRecord(completion.json) ? completion.json : parseFromText(completion.text);
  if (!verdict)
    throw new GraderError(`The judge's verdict is not JSON {score, reason}: ${brief(completion.text, 120)}`, {
      graderFault: true,
    });
  const score = verdict.score;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > scale)
    throw new GraderError(`The judge's score ${brief(score)} is not a number from 0 to ${scale}.`, {
      graderFault: true,
    });
  const reason =
    typeof verdict.reason === 'string' && verdict.reason.trim()
      ? verdict.reason.trim()
      : 'The judge gave no reason.';
  return { score: score / scale, reason: `Judge: ${reason}` };
}

function parseFromText(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(start, end + 1));
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
