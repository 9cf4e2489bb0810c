import { GraderError } from '../scorers/grader-error.js';
import type { CaseResult, GradeCase, Scorer } from './grade.js';

type Scored = Pick<CaseResult, 'status' | 'score' | 'reason' | 'fields'>;

type Attempt =
  | { ok: true; score: number; reason: string; fields?: Record<string, number> }
  | { ok: false; problem: string; detail: string; graderFault: boolean };

/**
 * Scores an output that passed the output checks (docs/dsl.md, "Scoring"). When the scorer fails
 * on it (throws, returns a score outside 0..1, hits its sandbox deadline), the scorer is tried on
 * the expected output against itself: if that works, the output broke the scorer and scores 0 as
 * invalid_output, so breaking the scorer never lifts a score; if that fails too, the grader is at
 * fault and the case is grader_error, left out of correctness. A GraderError marked graderFault
 * (an unreadable judge verdict) is first tried once more on the same output, since a judge can
 * stumble once; then it goes through the same check, so an output written to make the judge answer
 * nonsense scores 0 instead of leaving its case out of correctness.
 */
export async function scoreOutput(scorer: Scorer, output: unknown, gradeCase: GradeCase): Promise<Scored> {
  const first = await attempt(scorer, output, gradeCase);
  if (first.ok) return scored(first);
  const graderError: Scored = { status: 'grader_error', score: null, reason: first.problem };
  if (first.graderFault) {
    const again = await attempt(scorer, output, gradeCase);
    if (again.ok) return scored(again);
  }
  const self = await attempt(scorer, gradeCase.expected, gradeCase);
  if (!self.ok) return graderError;
  return {
    status: 'invalid_output',
    score: 0,
    reason: `the scorer could not score this output: ${first.detail}`,
  };
}

function scored(a: Extract<Attempt, { ok: true }>): Scored {
  return { status: 'ok', score: a.score, reason: a.reason, ...(a.fields ? { fields: a.fields } : {}) };
}

async function attempt(scorer: Scorer, output: unknown, gradeCase: GradeCase): Promise<Attempt> {
  try {
    const { score, reason, fields } = await scorer(output, gradeCase.expected, gradeCase);
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
      const returned = `${typeof score === 'number' ? String(score) : typeof score}, not a number from 0 to 1`;
      return {
        ok: false,
        problem: `the scorer returned ${returned}`,
        detail: `it returned ${returned}`,
        graderFault: false,
      };
    }
    const parts = fieldScores(fields);
    return {
      ok: true,
      score,
      reason: typeof reason === 'string' ? reason : '',
      ...(parts ? { fields: parts } : {}),
    };
  } catch (error) {
    const detail = shorten(messageOf(error));
    return {
      ok: false,
      problem: `the scorer failed: ${detail}`,
      detail,
      graderFault: error instanceof GraderError && error.graderFault,
    };
  }
}

/** Per-field scores as a scorer reported them, kept only when well formed (at most 40 fields, 0..1 each). */
function fieldScores(fields: unknown): Record<string, number> | undefined {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 40) return undefined;
  const out: Record<string, number> = {};
  for (const [path, value] of entries) {
    if (path.length > 80 || typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
      return undefined;
    out[path] = value;
  }
  return out;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'it threw';
}

function shorten(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
