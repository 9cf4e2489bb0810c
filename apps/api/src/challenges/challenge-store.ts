import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoadedChallenge } from '@reps/engine';
import { RepsError } from '@reps/shared';
import { Repository } from 'typeorm';
import { ChallengeRow } from './challenge.entity.js';
import { ChallengeVersion } from './challenge-version.entity.js';

/**
 * Challenge versions as the engine needs them. Versions are immutable once graded, so a loaded
 * version is cached for the life of the process.
 */
@Injectable()
export class ChallengeStore {
  private readonly loaded = new Map<string, LoadedChallenge>();

  constructor(
    @InjectRepository(ChallengeVersion) private readonly versions: Repository<ChallengeVersion>,
    @InjectRepository(ChallengeRow) private readonly challenges: Repository<ChallengeRow>,
  ) {}

  /** The published version of a slug (or a given version), or a 404 a learner understands. */
  async version(slug: string, version?: number): Promise<ChallengeVersion> {
    const challenge = await this.challenges.findOne({ where: { slug } });
    const wanted = version ?? challenge?.publishedVersion ?? undefined;
    const row =
      challenge && wanted !== undefined
        ? await this.versions.findOne({ where: { slug, version: wanted } })
        : null;
    if (!row || (row.status !== 'published' && row.status !== 'retired')) {
      throw new RepsError(
        'not_found',
        version ? `Challenge ${slug} has no published version ${version}.` : `No challenge called "${slug}".`,
      );
    }
    return row;
  }

  async byId(id: string): Promise<ChallengeVersion> {
    return this.versions.findOneOrFail({ where: { id } });
  }

  async load(id: string): Promise<LoadedChallenge> {
    const cached = this.loaded.get(id);
    if (cached) return cached;
    const row = await this.byId(id);
    const loaded: LoadedChallenge = {
      dir: '',
      manifest: row.manifest,
      brief: row.brief,
      generatorScript: row.generatorScript,
      scorerScript: row.scorerScript ?? undefined,
    };
    this.loaded.set(id, loaded);
    return loaded;
  }

  /** Drops a cached version (after an instructor edits a draft). */
  forget(id: string): void {
    this.loaded.delete(id);
  }
}
