import type { SkillView } from '@reps/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The signed-in learner's saved skills (reusable sub-pipelines for `use:`). */
export const getSkills = () => api<{ items: SkillView[] }>('/me/skills');
export const skillsQueryOptions = () => queryOptions({ queryKey: ['me', 'skills'], queryFn: getSkills });
export const useSkills = (enabled = true) => useQuery({ ...skillsQueryOptions(), enabled });
