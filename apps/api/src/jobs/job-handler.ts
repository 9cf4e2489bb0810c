import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName } from './job-names.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the one handler of a job; its `handle(job)` runs in the worker. */
export const JobHandler = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);

export interface JobHandlerInstance {
  handle(job: Job): Promise<unknown>;
}
