import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueLoader } from './catalogue-loader.js';
import { ChallengeRow } from './challenge.entity.js';
import { ChallengeStore } from './challenge-store.js';
import { ChallengeVersion } from './challenge-version.entity.js';
import { ChallengeVersionWriter } from './challenge-version-writer.js';

/**
 * Challenges and their versions, for both entries: read (ChallengeStore) and written
 * (CatalogueLoader, ChallengeVersionWriter) only through this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ChallengeRow, ChallengeVersion])],
  providers: [ChallengeStore, CatalogueLoader, ChallengeVersionWriter],
  exports: [ChallengeStore, CatalogueLoader, ChallengeVersionWriter],
})
export class ChallengesModule {}
