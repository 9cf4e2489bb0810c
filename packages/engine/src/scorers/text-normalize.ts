import { z } from 'zod';
import { kindOf } from './canonical-json.js';
import { GraderError } from './grader-error.js';

/** How text is compared by normalized_text, set_f1, label_accuracy and json_fields' `text`. */
export const textOptionsSchema = z.strictObject({
  case_sensitive: z.boolean().default(false),
  /** Punctuation and symbols count as spaces. */
  strip_punctuation: z.boolean().default(true),
  /** `é` equals `e`. */
  strip_accents: z.boolean().default(false),
});
export type TextOptions = z.output<typeof textOptionsSchema>;

export const DEFAULT_TEXT_OPTIONS: TextOptions = {
  case_sensitive: false,
  strip_punctuation: true,
  strip_accents: false,
};

/** Unicode NFKC, optional case/accent/punctuation folding, whitespace collapsed and trimmed. */
export function normalizeText(text: string, options: TextOptions = DEFAULT_TEXT_OPTIONS): string {
  let out = text.normalize('NFKC');
  if (!options.case_sensitive) out = out.toLowerCase();
  if (options.strip_accents)
    out = out
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');
  if (options.strip_punctuation) out = out.replace(/[\p{P}\p{S}]+/gu, ' ');
  return out.replace(/\s+/gu, ' ').trim();
}

/** Words of a normalized text. */
export function tokens(text: string, options: TextOptions = DEFAULT_TEXT_OPTIONS): string[] {
  const normalized = normalizeText(text, options);
  return normalized ? normalized.split(' ') : [];
}

/**
 * An expected value as text: a string as it is, a number, boolean or null as String() writes it.
 * A list or an object is the generator's bug (String() would also recurse through it).
 */
export function expectedText(value: unknown): string {
  if (typeof value === 'object' && value !== null)
    throw new GraderError(`The expected value is ${kindOf(value)}, not text.`);
  return String(value);
}
