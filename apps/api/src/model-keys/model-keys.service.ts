import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GatewaySpec } from '@reps/engine';
import { type Config, type ModelKeyProvider, type ModelKeyView, RepsError } from '@reps/shared';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../config/config.module.js';
import { serverGatewaySpec } from '../models/server-gateway.js';
import { SecretBox } from './secret-box.js';

/**
 * Learners' own provider keys: stored sealed, shown only as a hint, and used for that learner's
 * practice runs (public cases) when they call real models. Hidden cases, and every part of a
 * submission's grading, use the server's providers only: hidden inputs never go to an account the
 * learner controls. A learner's key goes to the server's configured base URL (or the provider's
 * public one), never to a URL a learner chose.
 */
@Injectable()
export class ModelKeysService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    this.box = new SecretBox(config.REPS_SERVER_KEY, 'model-keys');
  }

  async list(userId: string): Promise<ModelKeyView[]> {
    const rows = await this.dataSource.query(
      'SELECT provider, hint, updated_at FROM model_keys WHERE user_id = $1 ORDER BY provider',
      [userId],
    );
    return rows.map((r: { provider: ModelKeyProvider; hint: string; updated_at: Date }) => ({
      provider: r.provider,
      hint: r.hint,
      updated_at: r.updated_at.toISOString(),
    }));
  }

  async save(userId: string, provider: ModelKeyProvider, apiKey: string): Promise<ModelKeyView> {
    const hint = `…${apiKey.slice(-4)}`;
    await this.dataSource.query(
      `INSERT INTO model_keys (user_id, provider, encrypted_key, hint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, provider) DO UPDATE SET encrypted_key = EXCLUDED.encrypted_key, hint = EXCLUDED.hint, updated_at = now()`,
      [userId, provider, this.box.seal(apiKey), hint],
    );
    return { provider, hint, updated_at: new Date().toISOString() };
  }

  async remove(userId: string, provider: ModelKeyProvider): Promise<void> {
    const [, affected] = await this.dataSource.query(
      'DELETE FROM model_keys WHERE user_id = $1 AND provider = $2',
      [userId, provider],
    );
    if (!affected) throw new RepsError('not_found', `You have no ${provider} key saved.`);
  }

  /**
   * The gateway of one learner's practice runs: the server's providers, with the learner's own keys
   * in place of the server's where they saved one. Undefined when they saved none.
   */
  async practiceGatewayFor(userId: string): Promise<GatewaySpec | undefined> {
    const rows: { provider: ModelKeyProvider; encrypted_key: string }[] = await this.dataSource.query(
      'SELECT provider, encrypted_key FROM model_keys WHERE user_id = $1',
      [userId],
    );
    if (rows.length === 0) return undefined;
    const keys = Object.fromEntries(rows.map((r) => [r.provider, this.box.open(r.encrypted_key)]));
    const server = serverGatewaySpec(this.config);
    return {
      ...server,
      openaiBaseUrl: keys.openai
        ? (server.openaiBaseUrl ?? 'https://api.openai.com/v1')
        : server.openaiBaseUrl,
      openaiApiKey: keys.openai ?? server.openaiApiKey,
      anthropicApiKey: keys.anthropic ?? server.anthropicApiKey,
    };
  }
}
