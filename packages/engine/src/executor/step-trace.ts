import { type Step, stepKind } from '@reps/shared';
import { emptyUsage, type StepTrace } from '../trace/trace-types.js';

/** The trace of a step that has not run yet; runStep fills it in. */
export function newStepTrace(step: Step): StepTrace {
  return {
    ...(step.id ? { id: step.id } : {}),
    kind: stepKind(step),
    start_ms: 0,
    end_ms: 0,
    status: 'not_run',
    usage: emptyUsage(),
  };
}
