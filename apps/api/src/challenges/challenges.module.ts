import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueLoader } from './catalogue-loader.js';
import { ChallengeRow } from './challenge.entity.js';
import { ChallengeStore } from './challenge-store.js';
import { ChallengeVersion } from './challenge-version.entity.js';
import { ChallengesController } from './challenges.controller.js';
import { ChallengesService } from './challenges.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ChallengeRow, ChallengeVersion])],
  controllers: [ChallengesController],
  providers: [ChallengesService, ChallengeStore, CatalogueLoader],
  exports: [ChallengeStore, CatalogueLoader, ChallengesService],
})
export class ChallengesModule {}

/** The worker needs versions, not routes. */
@Module({
  imports: [TypeOrmModule.forFeature([ChallengeRow, ChallengeVersion])],
  providers: [ChallengeStore],
  exports: [ChallengeStore],
})
export class ChallengeStoreModule {}
