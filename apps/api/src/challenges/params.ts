import { SLUG_PATTERN, versionNumberSchema } from '@reps/shared';
import { z } from 'zod';

/** Slugs are short; a longer one is refused before it reaches a query or is echoed in a message. */
export const slugParam = z
  .string()
  .max(100, 'is not a challenge slug')
  .regex(SLUG_PATTERN, 'is not a challenge slug');
/** `?slug=` narrowing a list to one challenge: one slug, nothing else (no arrays, no objects). */
export const slugFilterQuery = z.strictObject({ slug: slugParam.optional() });
export const versionQuery = z.strictObject({ version: versionNumberSchema.optional() });
