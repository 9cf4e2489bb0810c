import { completionCacheKey } from './cache-key.js';
import { MODEL_ID_FORMS, providerOf } from './model-id.js';
import { LruResponseCache, type ResponseCache } from './response-cache.js';
import {
  type Completion,
  type CompletionRequest,
  type ModelContext,
  ModelError,
  type ModelGateway,
  type ModelInfo,
  type ModelProvider,
} from './types.js';

export interface GatewayOptions {
  /** Where completions of real models are cached; default an in-memory LRU, `false` for none. */
  cache?: ResponseCache | false;
}

/**
 * The one entry the executor calls: routes each request to the provider its model id names and
 * caches real models' answers by (model, messages, params, sample index).
 *
 * Simulated models (sim-*, echo) are never cached: they are deterministic and cheaper to
 * recompute than to hash, and the simulator's answer also depends on the case's facts, which are
 * not part of the key.
 */
export function createGateway(providers: ModelProvider[], options: GatewayOptions = {}): ModelGateway {
  const byName = indexProviders(providers);
  const cache = options.cache === false ? undefined : (options.cache ?? new LruResponseCache());

  const route = (model: string): { provider: ModelProvider; info: ModelInfo } => {
    const name = providerOf(model);
    const provider = name === undefined ? undefined : byName.get(name);
    const info = provider?.describe(model);
    if (!provider || !info) throw unknownModel(model, name, byName);
    return { provider, info };
  };

  return {
    describe(model) {
      const name = providerOf(model);
      return name === undefined ? undefined : byName.get(name)?.describe(model);
    },
    list: () => providers.flatMap((p) => p.list()),
    async complete(request: CompletionRequest, context: ModelContext): Promise<Completion> {
      const { provider, info } = route(request.model);
      if (info.simulated || !cache) return provider.complete(request, context);
      return cachedComplete(cache, provider, request, context);
    },
  };
}

async function cachedComplete(
  cache: ResponseCache,
  provider: ModelProvider,
  request: CompletionRequest,
  context: ModelContext,
): Promise<Completion> {
  const key = completionCacheKey(request);
  const hit = await readCache(cache, key);
  if (hit) return { ...hit, cached: true };
  const completion = await provider.complete(request, context);
  await writeCache(cache, key, completion);
  return completion;
}

/** A failing cache (Redis down) must not fail the call: it only costs a miss. */
async function readCache(cache: ResponseCache, key: string): Promise<Completion | undefined> {
  try {
    return await cache.get(key);
  } catch {
    return undefined;
  }
}

async function writeCache(cache: ResponseCache, key: string, completion: Completion): Promise<void> {
  try {
    await cache.set(key, { ...completion, cached: undefined });
  } catch {
    // Same as above: the answer is still good, it just will not be reused.
  }
}

function indexProviders(providers: ModelProvider[]): Map<string, ModelProvider> {
  const byName = new Map<string, ModelProvider>();
  for (const provider of providers) {
    if (byName.has(provider.name)) {
      throw new Error(`Two model providers are named "${provider.name}"; pass one provider per name.`);
    }
    byName.set(provider.name, provider);
  }
  return byName;
}

function unknownModel(
  model: string,
  name: string | undefined,
  byName: Map<string, ModelProvider>,
): ModelError {
  const prefix = `Unknown model "${model}":`;
  if (name === undefined) {
    return new ModelError('model_error', `${prefix} model ids look like ${MODEL_ID_FORMS.join(', ')}.`);
  }
  const provider = byName.get(name);
  if (!provider)
    return new ModelError('model_error', `${prefix} no ${name} provider is set up on this server.`);
  const served = provider.list().map((m) => m.id);
  const choices = served.length > 0 ? ` Choose one of ${served.join(', ')}.` : '';
  return new ModelError('model_error', `${prefix} the ${name} provider does not serve it.${choices}`);
}
