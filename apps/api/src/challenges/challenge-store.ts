import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoadedChallenge } from '@reps/engine';
import { RepsError } from '@reps/shared';
import { Repository } from 'typeorm';
import { ReadCache } from '../redis/read-cache.js';
import { ChallengeRow } from './challenge.entity.js';
import { ChallengeVersion } from './challenge-version.entity.js';

const REF_TTL_MS = 5_000;

/**
 * Challenge versions as the engine needs them. Versions are immutable once graded, so a loaded
 * version is cached for the life of the process. Which version is published is kept a few seconds
 * and forgotten as soon as ReadCache drops the catalogue (a publication, here or in any process).
 */
@Injectable()
export class ChallengeStore {
  private readonly loaded = new Map<string, LoadedChallenge>();
  private readonly refs = new Map<string, { ref: { id: string; version: number }; until: number }>();

  constructor(
    @InjectRepository(ChallengeVersion) private readonly versions: Repository<ChallengeVersion>,
    @InjectRepository(ChallengeRow) private readonly challenges: Repository<ChallengeRow>,
    private readonly cache: ReadCache,
  ) {
    cache.onDrop((topic) => {
      if (topic === 'catalogue') this.refs.clear();
    });
  }

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

  /**
   * The id and number of a published version, without its content: what reads such as leaderboards
   * need. Cached for a few seconds, as a slug's published version changes only on publication.
   */
  async ref(slug: string, version?: number): Promise<{ id: string; version: number }> {
    const key = `${slug}@${version ?? 'published'}`;
    const cached = this.refs.get(key);
    if (cached && cached.until > Date.now()) return cached.ref;
    const generation = this.cache.generation('catalogue');
    const [row] = await this.versions.query(
      `SELECT v.id, v.version FROM challenges c
         JOIN challenge_versions v ON v.slug = c.slug AND v.version = coalesce($2, c.published_version)
        WHERE c.slug = $1 AND v.status IN ('published', 'retired')`,
      [slug, version ?? null],
    );
    if (!row) {
      throw new RepsError(
        'not_found',
        version ? `Challenge ${slug} has no published version ${version}.` : `No challenge called "${slug}".`,
      );
    }
    const ref = { id: row.id as string, version: row.version as number };
    // Read before a publication that was announced while the query ran: used once, not kept.
    if (this.cache.generation('catalogue') === generation)
      this.refs.set(key, { ref, until: Date.now() + REF_TTL_MS });
    return ref;
  }

  async byId(id: string): Promise<ChallengeVersion> {
    return this.versions.findOneOrFail({ where: { id } });
  }

  /** A version of any status (a draft still calibrating too), or null. */
  find(id: string): Promise<ChallengeVersion | null> {
    return this.versions.findOne({ where: { id } });
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
