import {
  DEFAULT_ANTHROPIC_BASE_URL,
  DEFAULT_OPENAI_BASE_URL,
  SIM_MODELS,
  type SimModelSpec,
} from '@reps/engine';
import type { CliContext } from '../cli-context.js';
import type { CliEnv } from '../cli-env.js';
import { EXIT, type ExitCode } from '../cli-error.js';
import { formatInt } from '../output/format.js';
import { renderTable } from '../output/table.js';

export interface ModelsOptions {
  json?: boolean;
}

interface ProviderStatus {
  provider: 'echo' | 'openai' | 'anthropic';
  ids: string;
  configured: boolean;
  detail: string;
}

/**
 * `reps models`: the sim physics table, printed from SIM_MODELS itself (the table and the code are
 * one), and which real providers this environment configures.
 */
export async function modelsCommand(options: ModelsOptions, { io, env }: CliContext): Promise<ExitCode> {
  const providers = providerStatus(env);
  if (options.json) {
    io.out(`${JSON.stringify({ sim: SIM_MODELS, providers }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`Simulated models (no network; see docs/sim.md)\n\n${simTable(SIM_MODELS)}\n`);
  io.out(
    `Other providers\n\n${renderTable(
      [{ header: 'provider' }, { header: 'model ids' }, { header: 'status' }],
      providers.map((p) => [p.provider, p.ids, p.detail]),
    )}`,
  );
  return EXIT.ok;
}

function simTable(models: readonly SimModelSpec[]): string {
  const right = { align: 'right' as const };
  return renderTable(
    [
      { header: 'model' },
      { header: 'context', ...right },
      { header: '$/M in', ...right },
      { header: '$/M out', ...right },
      { header: 'accuracy', ...right },
      { header: 'dilution/unit', ...right },
      { header: 'JSON ok', ...right },
      { header: 'latency' },
    ],
    models.map((m) => [
      m.id,
      formatInt(m.contextTokens),
      m.inputPricePerM.toFixed(2),
      m.outputPricePerM.toFixed(2),
      m.baseAccuracy.toFixed(3),
      m.dilutionPerUnit.toFixed(3),
      m.jsonOk.toFixed(3),
      `${formatInt(m.latencyBaseMs)} ms + ${m.latencyPerOutputTokenMs} ms/out token`,
    ]),
  );
}

/** Keys are never printed, only whether one is set. */
function providerStatus(env: CliEnv): ProviderStatus[] {
  const openai = Boolean(env.openaiBaseUrl || env.openaiApiKey);
  const anthropic = Boolean(
    env.anthropicApiKey || (env.anthropicBaseUrl && !isAnthropicDefault(env.anthropicBaseUrl)),
  );
  return [
    {
      provider: 'echo',
      ids: 'echo, echo:<anything>',
      configured: true,
      detail: 'built in (free, repeats the prompt)',
    },
    {
      provider: 'openai',
      ids: 'openai:<model>',
      configured: openai,
      detail: openai
        ? `${env.openaiBaseUrl ?? DEFAULT_OPENAI_BASE_URL}${env.openaiApiKey ? ' (key set)' : ' (no key)'}`
        : 'not configured: set REPS_OPENAI_BASE_URL (and REPS_OPENAI_API_KEY)',
    },
    {
      provider: 'anthropic',
      ids: 'anthropic:<model>',
      configured: anthropic,
      detail: anthropic
        ? `${env.anthropicBaseUrl ?? DEFAULT_ANTHROPIC_BASE_URL}${env.anthropicApiKey ? ' (key set)' : ' (no key)'}`
        : 'not configured: set REPS_ANTHROPIC_API_KEY',
    },
  ];
}

function isAnthropicDefault(url: string): boolean {
  return url.replace(/\/+$/, '') === DEFAULT_ANTHROPIC_BASE_URL;
}
