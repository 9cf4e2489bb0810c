import type { StartHereView } from '@reps/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getStartHere = () => api<StartHereView>('/start-here');

export const startHereQueryOptions = () => queryOptions({ queryKey: ['start-here'], queryFn: getStartHere });

export const useStartHere = () => useQuery(startHereQueryOptions());
