import { Module } from '@nestjs/common';
import { QueueModule } from '../jobs/queue.module.js';
import { GradingQueue } from './grading-queue.js';
import { ProgressEvents } from './progress-events.js';

/** What both entries need to talk about gradings: the queues and the progress channel. */
@Module({
  imports: [QueueModule],
  providers: [GradingQueue, ProgressEvents],
  exports: [QueueModule, GradingQueue, ProgressEvents],
})
export class GradingModule {}
