import { z } from 'zod';

export const skillNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, '2 to 40 lowercase letters, digits or -, starting with a letter');

export const saveSkillRequestSchema = z.strictObject({
  name: skillNameSchema,
  description: z.string().trim().max(500).optional(),
  /** The skill: a pipeline (YAML or JSON) that declares its `inputs`. */
  source: z
    .string()
    .min(1)
    .max(256 * 1024),
});

export interface SkillVersionView {
  name: string;
  version: number;
  description: string | null;
  source: string;
  created_at: string;
}

export interface SkillView {
  name: string;
  latest: SkillVersionView;
  versions: number[];
}
