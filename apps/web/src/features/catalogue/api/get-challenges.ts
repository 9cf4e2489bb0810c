import type { ChallengeSummary } from '@reps/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client';

/** The catalogue filters, as they appear in the page's URL query. */
export interface CatalogueFilters {
  domain?: string;
  skill?: string;
  difficulty?: string;
  solved?: 'true' | 'false';
  q?: string;
}

export const FILTER_KEYS = ['domain', 'skill', 'difficulty', 'solved', 'q'] as const;

/** The published catalogue; a server without the catalogue endpoint yet counts as an empty one. */
export async function getChallenges(
  filters: CatalogueFilters = {},
): Promise<{ items: ChallengeSummary[]; available: boolean }> {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  const qs = query.toString();
  try {
    const body = await api<{ items: ChallengeSummary[] }>(`/challenges${qs ? `?${qs}` : ''}`);
    return { items: body.items, available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { items: [], available: false };
    throw error;
  }
}

export const challengesQueryOptions = (filters: CatalogueFilters = {}) =>
  queryOptions({
    queryKey: ['challenges', filters],
    queryFn: () => getChallenges(filters),
    placeholderData: keepPreviousData,
  });

export const useChallenges = (filters: CatalogueFilters = {}) => useQuery(challengesQueryOptions(filters));
