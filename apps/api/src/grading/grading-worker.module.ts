import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { LeaderboardsModule } from '../leaderboards/leaderboards.module.js';
import { ModelKeysModule } from '../model-keys/model-keys.module.js';
import { RunsModule } from '../runs/runs.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { GradeSubmissionJob } from './grade-submission.job.js';
import { GradingModule } from './grading.module.js';
import { GradingProcessor, RunsProcessor } from './grading.processors.js';
import { GradingService } from './grading.service.js';
import { PracticeRunJob } from './practice-run.job.js';
import { Reconciler } from './reconciler.js';
import { WorkerPriority } from './worker-priority.js';

/** The worker's grading: jobs, their processors and the reconciler. */
@Module({
  imports: [
    GradingModule,
    ChallengesModule,
    SubmissionsModule,
    RunsModule,
    LeaderboardsModule,
    ModelKeysModule,
  ],
  providers: [
    GradingService,
    GradeSubmissionJob,
    PracticeRunJob,
    Reconciler,
    WorkerPriority,
    GradingProcessor,
    RunsProcessor,
  ],
})
export class GradingWorkerModule {}
