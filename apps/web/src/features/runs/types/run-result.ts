/**
 * The result and trace types the run views read, defined once in packages/shared (type-only
 * imports: nothing of shared's runtime reaches the bundle).
 */
export type {
  CallTrace,
  CaseTrace,
  ItemTrace,
  PublicCaseView as CaseResultView,
  PublicResultView as RunResult,
  StepTrace,
  ToolCallTrace,
  TraceError,
  TraceMessage,
  TurnTrace,
  UsageTotals,
} from '@reps/shared';
