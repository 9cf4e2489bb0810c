import { ResultSummary } from '../../../components/result-summary';
import type { RunResult } from '../types/run-result';
import { CaseTable } from './case-table';

/** A graded set of public cases: the summary, then every case with its trace. */
export function RunResults({ result, passMark }: { result: RunResult; passMark?: number }) {
  return (
    <div className="run-results">
      <ResultSummary result={result} passMark={passMark} costLabel="Cost (all cases)" />
      <CaseTable cases={result.case_results} />
    </div>
  );
}
