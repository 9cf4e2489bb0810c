import type { ModelInfo } from './types.js';

/**
 * How a model id names its provider. One table, used by the gateway to route and by the providers
 * to recognise their ids.
 */
export const MODEL_ID_FORMS = [
  'sim-<name>',
  'openai:<model>',
  'anthropic:<model>',
  'echo',
  'echo:<anything>',
];

/** The provider a model id belongs to, or undefined when the id has no known form. */
export function providerOf(model: string): ModelInfo['provider'] | undefined {
  if (model.startsWith('sim-') && model.length > 4) return 'sim';
  if (model.startsWith('openai:') && model.length > 7) return 'openai';
  if (model.startsWith('anthropic:') && model.length > 10) return 'anthropic';
  if (model === 'echo' || model.startsWith('echo:')) return 'echo';
  return undefined;
}

/** The provider's own name for the model: `gpt-4o-mini` for `openai:gpt-4o-mini`. */
export function vendorModelName(model: string): string {
  const colon = model.indexOf(':');
  return colon === -1 ? model : model.slice(colon + 1);
}
