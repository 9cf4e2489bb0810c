import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Submission } from './submission.entity.js';
import { SubmissionCounts } from './submission-counts.js';
import { SubmissionStore } from './submission-store.js';

/**
 * Submissions' rows, for both entries and for instructor/: the one place that writes them
 * (SubmissionStore).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Submission])],
  providers: [SubmissionStore, SubmissionCounts],
  exports: [SubmissionStore, SubmissionCounts],
})
export class SubmissionsModule {}
