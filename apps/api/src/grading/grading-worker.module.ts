import { Module } from '@nestjs/common';
import { CalibrateVersionJob } from '../instructor/calibrate-version.job.js';
import { StandingsService } from '../leaderboards/standings.service.js';
import { GradeSubmissionJob } from './grade-submission.job.js';
import { AuthoringProcessor, GradingProcessor, RunsProcessor } from './grading.processors.js';
import { GradingService } from './grading.service.js';
import { GradingCoreModule } from './grading-core.module.js';
import { PracticeRunJob } from './practice-run.job.js';
import { Reconciler } from './reconciler.js';
import { WorkerPriority } from './worker-priority.js';

/** The worker's grading: jobs, their processors and the reconciler. */
@Module({
  imports: [GradingCoreModule],
  providers: [
    GradingService,
    StandingsService,
    GradeSubmissionJob,
    PracticeRunJob,
    CalibrateVersionJob,
    Reconciler,
    WorkerPriority,
    GradingProcessor,
    RunsProcessor,
    AuthoringProcessor,
  ],
  exports: [GradingService],
})
export class GradingWorkerModule {}
