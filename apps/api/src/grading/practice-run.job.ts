import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';
import { GradingService } from './grading.service.js';

@Injectable()
@JobHandler('runs.practice')
export class PracticeRunJob implements JobHandlerInstance {
  constructor(private readonly grading: GradingService) {}

  handle(job: Job<{ runId: string }>): Promise<void> {
    return this.grading.practice(job.data.runId);
  }
}
