import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api-client';

export interface ChallengeCard {
  slug: string;
  title: string;
  domain: string;
  skills: string[];
  difficulty: number;
  summary: string;
}

/** The published catalogue; a server without the catalogue endpoint yet counts as an empty one. */
export async function getChallenges(): Promise<{ items: ChallengeCard[]; available: boolean }> {
  try {
    const body = await api<{ items: ChallengeCard[] }>('/challenges');
    return { items: body.items, available: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { items: [], available: false };
    throw error;
  }
}

export const challengesQueryOptions = () =>
  queryOptions({ queryKey: ['challenges'], queryFn: getChallenges });

export const useChallenges = () => useQuery(challengesQueryOptions());
