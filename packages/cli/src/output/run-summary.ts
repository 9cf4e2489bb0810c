import type { RunReport } from '../run/run-report.js';
import { formatCost, formatCounts, formatInt, formatMs, formatScore, truncate } from './format.js';
import { renderPairs, renderTable } from './table.js';

/** Room for the reason column: enough for "expected 85, got 84" style messages. */
const REASON_WIDTH = 60;

/**
 * The human view of a run: one row per case, then the totals. Hidden cases get no reason column:
 * it can quote the expected answer.
 */
export function renderRunSummary(report: RunReport): string {
  const hidden = report.case_kind === 'hidden';
  const columns = [
    { header: 'case' },
    { header: 'status' },
    { header: 'score', align: 'right' as const },
    { header: 'cost', align: 'right' as const },
    { header: 'latency', align: 'right' as const },
    { header: 'calls', align: 'right' as const },
    ...(hidden ? [] : [{ header: 'reason' }]),
  ];
  const rows = report.cases.map((c) => [
    c.id,
    c.status,
    formatScore(c.score),
    formatCost(c.cost_usd),
    formatMs(c.latency_ms),
    formatInt(c.calls),
    ...('reason' in c ? [truncate(c.reason, REASON_WIDTH)] : []),
  ]);
  return `${renderTable(columns, rows)}\n${renderTotals(report)}`;
}

export function renderTotals(report: RunReport): string {
  const verdict = report.passed ? 'passed' : 'not passed';
  const seed =
    report.case_kind === 'hidden'
      ? ` (seed: ${report.hidden_seed === 'env' ? 'REPS_HIDDEN_SEED' : 'local practice default'})`
      : '';
  return renderPairs([
    [
      'challenge',
      `${report.challenge.slug} v${report.challenge.version} · ${report.cases.length} ${report.case_kind} cases${seed}`,
    ],
    ['correctness', `${report.correctness.toFixed(2)} (pass mark ${report.pass_mark}: ${verdict})`],
    ['cost', formatCost(report.cost_usd)],
    ['latency', `p50 ${formatMs(report.latency_ms.p50)} · p95 ${formatMs(report.latency_ms.p95)}`],
    ['calls', formatInt(report.calls)],
    ['tokens', `${formatInt(report.tokens.input)} in · ${formatInt(report.tokens.output)} out`],
    ['statuses', formatCounts(report.statuses)],
    ['failures', formatCounts(report.failures)],
  ]);
}
