import type { ChallengeDetail } from '@reps/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getChallenge = (slug: string) => api<ChallengeDetail>(`/challenges/${encodeURIComponent(slug)}`);

export const challengeQueryOptions = (slug: string) =>
  queryOptions({ queryKey: ['challenge', slug], queryFn: () => getChallenge(slug) });

export const useChallenge = (slug: string) => useQuery(challengeQueryOptions(slug));
