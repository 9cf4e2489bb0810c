import type { ApiTokenView } from '@reps/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getTokens = () => api<{ items: ApiTokenView[] }>('/me/tokens');
export const tokensQueryOptions = () => queryOptions({ queryKey: ['me', 'tokens'], queryFn: getTokens });
export const useTokens = () => useQuery(tokensQueryOptions());

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<ApiTokenView & { token: string }>('/me/tokens', { method: 'POST', body: JSON.stringify({ name }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'tokens'] }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/me/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'tokens'] }),
  });
}

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api<void>('/me/password', { method: 'POST', body: JSON.stringify(body) });
export const useChangePassword = () => useMutation({ mutationFn: changePassword });
