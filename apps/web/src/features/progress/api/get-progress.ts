import type { Progress } from '@reps/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getProgress = () => api<Progress>('/me/progress');

export const progressQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'progress'], queryFn: getProgress });

export const useProgress = () => useQuery(progressQueryOptions());
