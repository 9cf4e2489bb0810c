import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler, type JobHandlerInstance } from '../jobs/job-handler.js';
import { GradingService } from './grading.service.js';

@Injectable()
@JobHandler('grading.grade-submission')
export class GradeSubmissionJob implements JobHandlerInstance {
  constructor(private readonly grading: GradingService) {}

  handle(job: Job<{ submissionId: string }>): Promise<void> {
    return this.grading.gradeSubmission(job.data.submissionId);
  }
}
