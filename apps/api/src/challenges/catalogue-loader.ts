import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateCases, type LoadedChallenge, loadChallenge } from '@reps/engine';
import type { DataSource, EntityManager } from 'typeorm';
import { ChallengeVersion } from './challenge-version.entity.js';

export interface CatalogueReport {
  loaded: string[];
  unchanged: string[];
  problems: { slug: string; message: string }[];
}

/**
 * Loads `challenges/<slug>/` folders into Postgres at start. A new version is inserted and
 * published; an existing version is updated in place only while nobody has been graded on it (a
 * graded version is frozen: changing it needs a version bump). A broken folder is reported and
 * skipped, never fatal.
 */
@Injectable()
export class CatalogueLoader {
  private readonly logger = new Logger('Catalogue');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async loadDirectory(dir: string): Promise<CatalogueReport> {
    const report: CatalogueReport = { loaded: [], unchanged: [], problems: [] };
    const root = resolve(dir);
    if (!existsSync(root)) {
      this.logger.warn({ event: 'catalogue_missing', dir: root });
      return report;
    }
    const entries = (await readdir(root, { withFileTypes: true })).filter(
      (e) => e.isDirectory() && existsSync(join(root, e.name, 'challenge.yaml')),
    );
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      try {
        const outcome = await this.loadOne(join(root, entry.name));
        report[outcome].push(entry.name);
      } catch (error) {
        const message = (error as Error).message;
        report.problems.push({ slug: entry.name, message });
        this.logger.error({ event: 'challenge_load_failed', slug: entry.name, error: message });
      }
    }
    this.logger.log({
      event: 'catalogue_loaded',
      loaded: report.loaded,
      unchanged: report.unchanged.length,
      problems: report.problems.length,
    });
    return report;
  }

  private async loadOne(dir: string): Promise<'loaded' | 'unchanged'> {
    const challenge = await loadChallenge(dir);
    const [reference, baseline, extraReferences] = await Promise.all([
      readOptional(join(dir, 'reference.pipeline.yaml')),
      readOptional(join(dir, 'baseline.pipeline.yaml')),
      readExtraReferences(dir),
    ]);
    const hash = contentHash(challenge, reference, baseline, extraReferences);
    const { slug, version } = challenge.manifest;
    return this.dataSource.transaction(async (tx) => {
      const existing = await tx.findOne(ChallengeVersion, {
        where: { slug, version },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing?.contentHash === hash) return 'unchanged';
      if (existing && (await this.hasSubmissions(tx, existing.id))) {
        this.logger.warn({
          event: 'graded_version_changed',
          slug,
          version,
          hint: 'bump the version in challenge.yaml',
        });
        return 'unchanged';
      }
      const publicCases = (await generateCases(challenge, { kind: 'public' })).map(
        ({ id, input, expected }) => ({ id, input, expected }),
      );
      await this.upsertCard(tx, challenge);
      // TypeORM's deep-partial type cannot follow a jsonb column typed as Record<string, unknown>.
      const values = {
        manifest: challenge.manifest as object,
        brief: challenge.brief,
        generatorScript: challenge.generatorScript,
        scorerScript: challenge.scorerScript ?? null,
        referencePipeline: reference,
        baselinePipeline: baseline,
        extraReferences,
        publicCases: publicCases as object[],
        contentHash: hash,
      };
      if (existing) await tx.update(ChallengeVersion, existing.id, values);
      else
        await tx.insert(ChallengeVersion, {
          ...values,
          slug,
          version,
          source: 'catalogue',
          status: 'published',
          publishedAt: new Date(),
        });
      return 'loaded';
    });
  }

  private async upsertCard(tx: EntityManager, challenge: LoadedChallenge): Promise<void> {
    const m = challenge.manifest;
    await tx.query(
      `INSERT INTO challenges (slug, title, domain, skills, difficulty, summary, published_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (slug) DO UPDATE SET
         title = EXCLUDED.title, domain = EXCLUDED.domain, skills = EXCLUDED.skills,
         difficulty = EXCLUDED.difficulty, summary = EXCLUDED.summary,
         published_version = GREATEST(challenges.published_version, EXCLUDED.published_version),
         updated_at = now()`,
      [m.slug, m.title, m.domain, m.skills, m.difficulty, m.summary, m.version],
    );
  }

  private async hasSubmissions(tx: EntityManager, versionId: string): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM submissions WHERE challenge_version_id = $1 LIMIT 1', [
      versionId,
    ]);
    return rows.length > 0;
  }
}

function contentHash(
  challenge: LoadedChallenge,
  reference: string | null,
  baseline: string | null,
  extraReferences: Record<string, string>,
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        challenge.manifest,
        challenge.brief,
        challenge.generatorScript,
        challenge.scorerScript ?? null,
        reference,
        baseline,
        extraReferences,
      ]),
    )
    .digest('hex');
}

/** `reference.<name>.pipeline.yaml` files: other ways to pass, by name. */
async function readExtraReferences(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((f) => /^reference\.[a-z0-9-]+\.pipeline\.yaml$/.test(f)).sort();
  const entries = await Promise.all(
    names.map(async (f) => [f.split('.')[1], await readFile(join(dir, f), 'utf8')] as const),
  );
  return Object.fromEntries(entries);
}

async function readOptional(file: string): Promise<string | null> {
  return existsSync(file) ? readFile(file, 'utf8') : null;
}
