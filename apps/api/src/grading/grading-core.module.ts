import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChallengeStoreModule } from '../challenges/challenges.module.js';
import { QueueModule } from '../jobs/queue.module.js';
import { Run } from '../runs/run.entity.js';
import { Submission } from '../submissions/submission.entity.js';
import { GradingQueue } from './grading-queue.js';
import { ProgressEvents } from './progress-events.js';

/** What both entries need to talk about gradings: the rows, the queues and the progress channel. */
@Module({
  imports: [TypeOrmModule.forFeature([Submission, Run]), QueueModule, ChallengeStoreModule],
  providers: [GradingQueue, ProgressEvents],
  exports: [TypeOrmModule, QueueModule, ChallengeStoreModule, GradingQueue, ProgressEvents],
})
export class GradingCoreModule {}
