import { z } from 'zod';

/**
 * Every queue and job name, once, with the payload each job carries. The worker fails at boot when
 * a job here has no handler or two (JobRegistry), so a job cannot be enqueued that nothing will
 * run; payloads are parsed where they are enqueued (GradingQueue) and again before a handler runs
 * (JobRegistry.run), so a malformed job fails at once and is not retried.
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

const id = z.string().min(1).max(200);

export const JOBS = {
  'grading.grade-submission': { queue: QUEUES.grading, payload: z.strictObject({ submissionId: id }) },
  'runs.practice': { queue: QUEUES.runs, payload: z.strictObject({ runId: id }) },
  'authoring.calibrate': { queue: QUEUES.authoring, payload: z.strictObject({ versionId: id }) },
  /** Round trip through Redis and a worker; used by readiness checks. */
  'system.ping': { queue: QUEUES.system, payload: z.object({}).passthrough() },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;
export type JobName = keyof typeof JOBS;
export type JobData<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

/** The payload of a job, checked against its schema (a TypeError naming the job when it does not fit). */
export function jobPayload<N extends JobName>(name: N, data: unknown): JobData<N> {
  const parsed = JOBS[name].payload.safeParse(data);
  if (!parsed.success)
    throw new TypeError(
      `job "${name}": malformed payload (${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')})`,
    );
  return parsed.data as JobData<N>;
}

export function jobsOf(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}
