import type { SubmissionEvent } from '@reps/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * Live progress of a submission from its server-sent events (`progress`, then one `final`). On
 * the final event the stored submission is refetched; useRefreshWhenFinal does the rest.
 */
export function useSubmissionEvents(id: string, enabled: boolean): SubmissionEvent | null {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SubmissionEvent | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/submissions/${id}/events`, { withCredentials: true });
    const onProgress = (event: MessageEvent<string>) => setProgress(JSON.parse(event.data));
    const onFinal = (event: MessageEvent<string>) => {
      setProgress(JSON.parse(event.data));
      source.close(); // the server ends the stream; without this the browser would reconnect
      queryClient.invalidateQueries({ queryKey: ['submission', id] });
    };
    source.addEventListener('progress', onProgress);
    source.addEventListener('final', onFinal);
    return () => source.close();
  }, [id, enabled, queryClient]);

  return progress;
}

/**
 * Once a submission is final, however that was learned (the event stream, the fallback poll, or a
 * first fetch after a grading quicker than the page), the learner's list and the boards are
 * refetched: they changed with it.
 */
export function useRefreshWhenFinal(id: string, final: boolean): void {
  const queryClient = useQueryClient();
  // Once per submission that is seen final (a new id refreshes again).
  useEffect(() => {
    if (!final || !id) return;
    for (const queryKey of [['me', 'submissions'], ['leaderboard'], ['challenge'], ['challenges']]) {
      queryClient.invalidateQueries({ queryKey });
    }
  }, [id, final, queryClient]);
}
