import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { JOB_HANDLER, type JobHandlerInstance } from './job-handler.js';
import { JOBS, type JobName, jobPayload } from './job-names.js';

/** Finds the @JobHandler providers and checks there is exactly one per job name. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandlerInstance>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, metatype);
      if (!name) continue;
      if (!(name in JOBS)) throw new Error(`${metatype.name} handles unknown job "${name}" (not in JOBS)`);
      found.set(name, [...(found.get(name) ?? []), metatype.name]);
      this.handlers.set(name, instance as JobHandlerInstance);
    }
    const problems: string[] = [];
    for (const name of Object.keys(JOBS) as JobName[]) {
      const classes = found.get(name) ?? [];
      if (classes.length === 0) problems.push(`job "${name}" has no handler`);
      if (classes.length > 1)
        problems.push(`job "${name}" has ${classes.length} handlers: ${classes.join(', ')}`);
    }
    if (problems.length > 0) throw new Error(`Job registry: ${problems.join('; ')}`);
  }

  /** Runs a job's handler on its parsed payload; a job no one handles or a malformed one is not retried. */
  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
    try {
      job.data = jobPayload(job.name as JobName, job.data);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    return handler.handle(job);
  }
}
