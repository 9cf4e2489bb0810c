import { createDefaultGateway, type DefaultGatewayConfig } from '../models/default-gateway.js';
import { createSimProvider } from '../models/sim/index.js';
import type { ModelGateway, ModelProvider } from '../models/types.js';

/**
 * A model gateway described in data, so it can cross into a grading thread: the options of
 * createDefaultGateway without those that hold functions. The thread always adds the simulated
 * models, as the worker's and the CLI's gateways do.
 */
export interface GatewaySpec extends Omit<DefaultGatewayConfig, 'extraProviders' | 'cache'> {
  /** `false` for no response cache; by default the thread keeps one in memory for its job. */
  cache?: false;
  /**
   * More providers, as URLs of ES modules whose default export creates one (`() => ModelProvider`),
   * imported in the thread. A provider with a built-in's name replaces it.
   */
  providerModules?: string[];
}

/** Builds, inside a grading thread, the gateway a spec describes. */
export async function gatewayFromSpec(spec: GatewaySpec = {}): Promise<ModelGateway> {
  const { providerModules = [], ...config } = spec;
  const extra = await Promise.all(providerModules.map(loadProvider));
  const names = new Set(extra.map((p) => p.name));
  const sim = names.has('sim') ? [] : [createSimProvider()];
  return createDefaultGateway({ ...config, extraProviders: [...sim, ...extra] });
}

async function loadProvider(url: string): Promise<ModelProvider> {
  const module = (await import(url)) as { default?: unknown };
  if (typeof module.default !== 'function')
    throw new Error(`${url} must export a function that creates a model provider as its default export.`);
  return (module.default as () => ModelProvider)();
}
