/**
 * The trace types are defined in packages/shared (the API and the web app show traces too); the
 * engine's modules keep importing them from here.
 */
export type { TraceMessage, TraceError, UsageTotals, CallTrace, ItemTrace, ValidateRoundTrace, IterationTrace, StepStatus, StepTrace, CaseTrace } from '@reps/shared';
export { emptyUsage, addUsage } from '@reps/shared';
