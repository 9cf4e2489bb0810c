import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { ProfilesController } from '../profiles/profiles.controller.js';
import { ProofService } from '../profiles/proof.service.js';
import { LeaderboardsController } from './leaderboards.controller.js';
import { LeaderboardsService } from './leaderboards.service.js';

@Module({
  imports: [ChallengesModule],
  controllers: [LeaderboardsController, ProfilesController],
  providers: [LeaderboardsService, ProofService],
})
export class LeaderboardsHttpModule {}
