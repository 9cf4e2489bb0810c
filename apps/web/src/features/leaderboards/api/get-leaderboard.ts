import type { ChallengeSummary, Leaderboard, Period, RatingBoard } from '@reps/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type { Period };

export const getLeaderboard = (slug: string, period: Period) =>
  api<Leaderboard>(`/challenges/${encodeURIComponent(slug)}/leaderboard?period=${period}`);

export const leaderboardQueryOptions = (slug: string, period: Period) =>
  queryOptions({
    queryKey: ['leaderboard', slug, period],
    queryFn: () => getLeaderboard(slug, period),
    placeholderData: keepPreviousData,
  });

export const useLeaderboard = (slug: string, period: Period) =>
  useQuery(leaderboardQueryOptions(slug, period));

/** `global`, `skill:<skill>` or `domain:<domain>`. */
export const getRatings = (scope: string, period: Period) =>
  api<RatingBoard>(`/leaderboards/ratings?scope=${encodeURIComponent(scope)}&period=${period}`);

export const ratingsQueryOptions = (scope: string, period: Period) =>
  queryOptions({
    queryKey: ['leaderboard', 'ratings', scope, period],
    queryFn: () => getRatings(scope, period),
    placeholderData: keepPreviousData,
  });

export const useRatings = (scope: string, period: Period) => useQuery(ratingsQueryOptions(scope, period));

/** The challenges with a board, and the skills and domains ratings are kept for. */
export const getBoardChoices = async () => {
  const { items } = await api<{ items: ChallengeSummary[] }>('/challenges');
  return {
    challenges: items.map((c) => ({ slug: c.slug, title: c.title })),
    skills: [...new Set(items.flatMap((c) => c.skills))].sort(),
    domains: [...new Set(items.map((c) => c.domain))].sort(),
  };
};

export const boardChoicesQueryOptions = () =>
  queryOptions({ queryKey: ['leaderboard', 'choices'], queryFn: getBoardChoices });

export const useBoardChoices = () => useQuery(boardChoicesQueryOptions());
