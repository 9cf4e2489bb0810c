import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepsError, type SkillVersionView, type SkillView } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { PipelineChecker } from '../models/pipeline-checker.js';

interface SkillRow {
  name: string;
  version: number;
  description: string | null;
  source: string;
  created_at: Date;
}

/** A learner's saved skills: each save of a name is a new version; all are private. */
@Injectable()
export class SkillsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checker: PipelineChecker,
  ) {}

  async save(userId: string, name: string, source: string, description?: string): Promise<SkillVersionView> {
    // In a checking thread: a skill's JSON Schemas compile, which must not stall the API.
    const checked = await this.checker.checkSkill(source, { owner: userId });
    if (!checked.ok)
      throw new RepsError(
        'invalid_pipeline',
        'The skill is not a valid pipeline with inputs.',
        checked.issues,
      );
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows: SkillRow[] = await this.dataSource.query(
        `INSERT INTO skills (user_id, name, version, description, source)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM skills WHERE user_id = $1 AND name = $2
         ON CONFLICT (user_id, name, version) DO NOTHING
         RETURNING name, version, description, source, created_at`,
        [userId, name, description ?? null, source],
      );
      if (rows[0]) return toView(rows[0]);
    }
    throw new RepsError('conflict', 'The skill was saved from elsewhere at the same moment; try again.');
  }

  async list(userId: string): Promise<SkillView[]> {
    const rows: SkillRow[] = await this.dataSource.query(
      'SELECT name, version, description, source, created_at FROM skills WHERE user_id = $1 ORDER BY name, version',
      [userId],
    );
    const byName = new Map<string, SkillRow[]>();
    for (const row of rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
    return [...byName.entries()].map(([name, versions]) => ({
      name,
      latest: toView(versions[versions.length - 1]),
      versions: versions.map((v) => v.version),
    }));
  }

  async get(userId: string, name: string, version?: number): Promise<SkillVersionView> {
    const [row]: SkillRow[] = await this.dataSource.query(
      `SELECT name, version, description, source, created_at FROM skills
        WHERE user_id = $1 AND name = $2 AND ($3::int IS NULL OR version = $3) ORDER BY version DESC LIMIT 1`,
      [userId, name, version ?? null],
    );
    if (!row)
      throw new RepsError(
        'not_found',
        `You have no skill called "${name}"${version ? ` at version ${version}` : ''}.`,
      );
    return toView(row);
  }

  /** Every skill of a learner as `use:` refers to it: `name` (latest) and `name@version`. */
  async snapshot(userId: string): Promise<Record<string, string>> {
    const rows: SkillRow[] = await this.dataSource.query(
      'SELECT name, version, source FROM skills WHERE user_id = $1 ORDER BY name, version',
      [userId],
    );
    const sources: Record<string, string> = {};
    for (const row of rows) {
      sources[`${row.name}@${row.version}`] = row.source;
      sources[row.name] = row.source; // ordered by version: the last one written is the latest
    }
    return sources;
  }
}

function toView(row: SkillRow): SkillVersionView {
  return {
    name: row.name,
    version: row.version,
    description: row.description,
    source: row.source,
    created_at: row.created_at.toISOString(),
  };
}
