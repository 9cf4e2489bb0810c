import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { type JobData, type JobName, jobPayload, QUEUES } from '../jobs/job-names.js';

/** Retries are for platform faults (a pipeline's own failure is a result, not an exception). */
export const GRADING_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};

/** Puts submissions and practice runs on their queues; the job id is the row's id. */
@Injectable()
export class GradingQueue {
  constructor(
    @InjectQueue(QUEUES.grading) readonly grading: Queue,
    @InjectQueue(QUEUES.runs) readonly runs: Queue,
    @InjectQueue(QUEUES.authoring) readonly authoring: Queue,
  ) {}

  enqueueSubmission(submissionId: string): Promise<unknown> {
    return add(
      this.grading,
      'grading.grade-submission',
      { submissionId },
      { ...GRADING_JOB_OPTIONS, jobId: submissionId },
    );
  }

  enqueueCalibration(versionId: string): Promise<unknown> {
    return add(
      this.authoring,
      'authoring.calibrate',
      { versionId },
      { ...GRADING_JOB_OPTIONS, jobId: versionId },
    );
  }

  enqueueRun(runId: string): Promise<unknown> {
    return add(this.runs, 'runs.practice', { runId }, { ...GRADING_JOB_OPTIONS, attempts: 2, jobId: runId });
  }
}

/** Adds a job with its payload checked against JOBS, so nothing malformed reaches Redis. */
function add<N extends JobName>(
  queue: Queue,
  name: N,
  data: JobData<N>,
  options: JobsOptions,
): Promise<unknown> {
  return queue.add(name, jobPayload(name, data), options);
}
