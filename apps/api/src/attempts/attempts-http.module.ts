import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { AttemptsController } from './attempts.controller.js';
import { AttemptsService } from './attempts.service.js';

/** A learner's history on a challenge: practice runs and submissions read side by side. */
@Module({ imports: [ChallengesModule], controllers: [AttemptsController], providers: [AttemptsService] })
export class AttemptsHttpModule {}
