import { SLUG_PATTERN, versionNumberSchema } from '@reps/shared';
import { z } from 'zod';

export const slugParam = z.string().regex(SLUG_PATTERN, 'is not a challenge slug');
export const versionQuery = z.strictObject({ version: versionNumberSchema.optional() });
