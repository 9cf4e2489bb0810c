import { Module } from '@nestjs/common';
import { ChallengeStoreModule } from '../challenges/challenges.module.js';
import { ProfilesController } from '../profiles/profiles.controller.js';
import { ProofService } from '../profiles/proof.service.js';
import { LeaderboardsController } from './leaderboards.controller.js';
import { LeaderboardsService } from './leaderboards.service.js';

@Module({
  imports: [ChallengeStoreModule],
  controllers: [LeaderboardsController, ProfilesController],
  providers: [LeaderboardsService, ProofService],
})
export class LeaderboardsModule {}
