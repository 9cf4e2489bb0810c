/**
 * Every queue and job name, once. The worker fails at boot when a job here has no handler or two
 * (JobRegistry), so a job cannot be enqueued that nothing will run.
 */
export const QUEUES = {
  /** Submissions on hidden cases; jobId = submission id. */
  grading: 'grading',
  /** Practice runs on public cases: small and interactive, so they never wait behind gradings. */
  runs: 'runs',
  /** Calibrations of uploaded challenge versions: heavy and rare, kept off the grading queue. */
  authoring: 'authoring',
  system: 'system',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  'grading.grade-submission': { queue: QUEUES.grading },
  'runs.practice': { queue: QUEUES.runs },
  'authoring.calibrate': { queue: QUEUES.authoring },
  /** Round trip through Redis and a worker; used by readiness checks. */
  'system.ping': { queue: QUEUES.system },
} as const satisfies Record<string, { queue: QueueName }>;
export type JobName = keyof typeof JOBS;

export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}
