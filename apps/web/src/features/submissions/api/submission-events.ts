import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface SubmissionProgress {
  id: string;
  status: string;
  cases_done: number;
  cases_total: number;
}

/**
 * Live progress of a submission from its server-sent events (`progress`, then one `final`). On
 * the final event the stored submission, the learner's list and the boards are refetched.
 */
export function useSubmissionEvents(id: string, enabled: boolean): SubmissionProgress | null {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SubmissionProgress | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/submissions/${id}/events`, { withCredentials: true });
    const onProgress = (event: MessageEvent<string>) => setProgress(JSON.parse(event.data));
    const onFinal = (event: MessageEvent<string>) => {
      setProgress(JSON.parse(event.data));
      source.close(); // the server ends the stream; without this the browser would reconnect
      queryClient.invalidateQueries({ queryKey: ['submission', id] });
      queryClient.invalidateQueries({ queryKey: ['me', 'submissions'] });
      queryClient.invalidateQueries({ queryKey: ['leaderboard'] });
      queryClient.invalidateQueries({ queryKey: ['challenge'] });
      queryClient.invalidateQueries({ queryKey: ['challenges'] });
    };
    source.addEventListener('progress', onProgress);
    source.addEventListener('final', onFinal);
    return () => source.close();
  }, [id, enabled, queryClient]);

  return progress;
}
