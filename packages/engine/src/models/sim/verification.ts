import type { Aspect } from '@reps/shared';
import { normalizeName, schemaProperties } from './aspect-matcher.js';
import { findAspectValues, mentionedValues } from './key-values.js';

type JsonSchema = Record<string, unknown>;

/** Boolean properties that ask for a verdict on a proposed answer. */
const VERDICT_NAMES = new Set([
  'correct',
  'iscorrect',
  'valid',
  'isvalid',
  'ok',
  'accurate',
  'approved',
  'pass',
  'passed',
  'agree',
  'agrees',
  'consistent',
  'verified',
  'right',
]);

const VERIFY_WORDS =
  /\b(verify|verifying|check whether|check if|double[- ]check|proposed (?:answer|value|label|rating)|is (?:this|the|that) (?:answer|label|rating|classification|extraction|value) (?:correct|right|valid))\b/;

/** The verdict property of a schema, when it has one. */
export function verdictProperty(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  for (const [name, sub] of schemaProperties(schema)) {
    if (sub.type === 'boolean' && VERDICT_NAMES.has(normalizeName(name))) return name;
  }
  return undefined;
}

export function isVerificationPrompt(schema: JsonSchema | undefined, lowerInstruction: string): boolean {
  return verdictProperty(schema) !== undefined || VERIFY_WORDS.test(lowerInstruction);
}

/**
 * The answer a verification prompt proposes for an aspect: the last "aspect: value" statement, else
 * the one allowed value mentioned more often than the others (a proposal next to a list of options).
 */
export function proposedValue(instruction: string, aspect: Aspect, truth: unknown): unknown {
  const stated = findAspectValues(instruction, aspect, truth);
  if (stated.length > 0) return stated[stated.length - 1];
  const lower = instruction.toLowerCase();
  const mentioned = mentionedValues(lower, aspect);
  if (mentioned.length === 1) return mentioned[0];
  const counts = mentioned.map((v) => countWord(lower, String(v).toLowerCase()));
  const max = Math.max(0, ...counts);
  const top = mentioned.filter((_, i) => counts[i] === max);
  return max >= 2 && top.length === 1 ? top[0] : undefined;
}

function countWord(text: string, word: string): number {
  return (
    text.split(
      new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'),
    ).length - 1
  );
}
