import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const submitPipeline = (slug: string, pipeline: string) =>
  api<{ id: string; status: 'queued' }>(`/challenges/${encodeURIComponent(slug)}/submissions`, {
    method: 'POST',
    body: JSON.stringify({ pipeline }),
  });

export function useSubmitPipeline(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['submit', slug],
    mutationFn: (pipeline: string) => submitPipeline(slug, pipeline),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['me', 'submissions', slug] }),
        queryClient.invalidateQueries({ queryKey: ['me', 'attempts', slug] }),
      ]),
  });
}
