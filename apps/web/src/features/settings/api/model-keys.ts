import type { ModelKeyProvider, ModelKeyView } from '@reps/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getModelKeys = () => api<{ items: ModelKeyView[] }>('/me/model-keys');
export const modelKeysQueryOptions = () =>
  queryOptions({ queryKey: ['me', 'model-keys'], queryFn: getModelKeys });
export const useModelKeys = () => useQuery(modelKeysQueryOptions());

export function useSaveModelKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ provider, apiKey }: { provider: ModelKeyProvider; apiKey: string }) =>
      api<ModelKeyView>(`/me/model-keys/${provider}`, {
        method: 'PUT',
        body: JSON.stringify({ api_key: apiKey }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'model-keys'] }),
  });
}

export function useRemoveModelKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: ModelKeyProvider) => api<void>(`/me/model-keys/${provider}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'model-keys'] }),
  });
}
