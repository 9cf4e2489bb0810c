import { FINAL_RUN_STATUSES } from 'virtual:contracts';
import type { RunView } from '@reps/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const FINAL = new Set<RunView['status']>(FINAL_RUN_STATUSES);
const POLL_MS = 1000;

export const startRun = (slug: string, pipeline: string) =>
  api<RunView>(`/challenges/${encodeURIComponent(slug)}/runs`, {
    method: 'POST',
    body: JSON.stringify({ pipeline, wait_ms: 20_000 }),
  });

export const getRun = (id: string) => api<RunView>(`/runs/${id}`);

/**
 * Runs a pipeline on the public examples: the API answers at once when the run is quick, else
 * with 202 and the id, which is polled until the run is final. A 422 rejects with the issues.
 */
export async function runPipeline(slug: string, pipeline: string, signal?: AbortSignal): Promise<RunView> {
  let run = await startRun(slug, pipeline);
  while (!FINAL.has(run.status)) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal?.aborted) throw new DOMException('The run was left.', 'AbortError');
    run = await getRun(run.id);
  }
  return run;
}

export function useRunPipeline(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['run', slug],
    mutationFn: (pipeline: string) => runPipeline(slug, pipeline),
    // A run is an attempt, failed or not: the learner's attempts list shows it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'attempts', slug] }),
  });
}
