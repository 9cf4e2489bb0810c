import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { AuthoringProcessor } from './authoring.processor.js';
import { CalibrateVersionJob } from './calibrate-version.job.js';

/** The worker's side of authoring: calibrating uploaded versions. */
@Module({ imports: [ChallengesModule], providers: [CalibrateVersionJob, AuthoringProcessor] })
export class InstructorWorkerModule {}
