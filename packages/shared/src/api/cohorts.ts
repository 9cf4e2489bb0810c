import { z } from 'zod';

export const createCohortRequestSchema = z.strictObject({ name: z.string().trim().min(2).max(80) });
export const joinCohortRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, 'is 8 letters and digits'),
});

export interface CohortView {
  id: string;
  name: string;
  owner: string;
  members: number;
  /** Whether the viewer runs this cohort (its instructor, or an admin). */
  is_owner: boolean;
  /** Only for the cohort's instructor (and admins). */
  join_code?: string;
  created_at: string;
}

export interface CohortLearnerRow {
  handle: string;
  display_name: string;
  joined_at: string;
  reps: number;
  submissions: number;
  solved: number;
  rating: number;
  last_active_at: string | null;
}
