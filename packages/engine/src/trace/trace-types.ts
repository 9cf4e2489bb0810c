/**
 * The trace types are defined in packages/shared (the API and the web app show traces too); the
 * engine's modules keep importing them from here.
 */
export type {
  CallTrace,
  CaseTrace,
  ItemTrace,
  IterationTrace,
  StepStatus,
  StepTrace,
  ToolCallTrace,
  TraceError,
  TraceMessage,
  TurnTrace,
  UsageTotals,
  ValidateRoundTrace,
} from '@reps/shared';
export { addUsage, emptyUsage } from '@reps/shared';
