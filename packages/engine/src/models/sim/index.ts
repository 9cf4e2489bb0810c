export { answerAccuracy, arithmeticAccuracy, contextPenalty, verificationAccuracy } from './accuracy.js';
export {
  getSimModel,
  SIM_MODELS,
  SIM_RULES,
  type SimModelId,
  type SimModelSpec,
  simCostUsd,
  simLatencyMs,
} from './sim-models.js';
export { completeSync, createSimProvider, type SimProviderOptions } from './sim-provider.js';
