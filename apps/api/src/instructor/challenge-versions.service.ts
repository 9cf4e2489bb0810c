import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type InstructorVersionView, RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators.js';
import { ChallengeVersion } from '../challenges/challenge-version.entity.js';

/** Challenge versions as instructors see them: status and calibration. */
@Injectable()
export class ChallengeVersionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async versions(user: AuthUser): Promise<InstructorVersionView[]> {
    const rows = await this.dataSource.query(
      `SELECT slug, version FROM challenge_versions WHERE created_by = $1 OR $2 ORDER BY slug, version DESC`,
      [user.id, user.role === 'admin'],
    );
    return Promise.all(rows.map((r: { slug: string; version: number }) => this.version(r.slug, r.version)));
  }

  /**
   * One version as an instructor may see it: their own (drafts and rejected ones too), any
   * published version, and everything for admins; another instructor's unpublished work does not
   * exist for them.
   */
  async versionFor(user: AuthUser, slug: string, version: number): Promise<InstructorVersionView> {
    const row = await this.dataSource.getRepository(ChallengeVersion).findOne({ where: { slug, version } });
    const mine = row && (user.role === 'admin' || row.createdBy === user.id || row.status === 'published');
    if (!mine) throw new RepsError('not_found', `${slug} has no version ${version}.`);
    return this.version(slug, version);
  }

  async version(slug: string, version: number): Promise<InstructorVersionView> {
    const row = await this.dataSource.getRepository(ChallengeVersion).findOne({ where: { slug, version } });
    if (!row) throw new RepsError('not_found', `${slug} has no version ${version}.`);
    return {
      slug,
      version,
      title: row.manifest.title,
      status: row.status,
      source: row.source,
      calibration: (row.calibration as InstructorVersionView['calibration']) ?? null,
      created_at: row.createdAt.toISOString(),
      published_at: row.publishedAt?.toISOString() ?? null,
    };
  }
}
