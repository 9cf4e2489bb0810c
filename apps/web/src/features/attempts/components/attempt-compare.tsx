import type { AttemptView } from '@reps/shared';
import { type ReactNode, useMemo } from 'react';
import { ErrorState } from '../../../components/error-state';
import { Loading } from '../../../components/loading';
import { formatDateTime, formatMs, formatUsd } from '../../../lib/format';
import { useAttempt } from '../api/get-attempts';
import { type Comparison, compareAttempts, formatDelta, type MetricDelta } from '../utils/compare';
import { diffStats, lineDiff } from '../utils/line-diff';
import { KindBadge, ms, usd } from './attempt-figures';

const describe = (a: AttemptView) =>
  `${a.kind === 'run' ? 'Run' : 'Submission'} of ${formatDateTime(a.created_at)}`;

/** How each figure reads, on its side and as a change. */
const FORMATS: Record<
  MetricDelta['key'],
  { side: (a: AttemptView, v: number | null) => string; delta: (v: number) => string }
> = {
  correctness: { side: (_, v) => (v === null ? '—' : v.toFixed(1)), delta: (v) => v.toFixed(1) },
  cost_per_case: { side: usd, delta: formatUsd },
  latency_p50: { side: ms, delta: formatMs },
  latency_p95: { side: ms, delta: formatMs },
};

/** Two attempts side by side: what changed in the pipeline, and what it did to the figures. */
export function AttemptCompare({
  first,
  second,
  onOpen,
  opening,
}: {
  first: AttemptView;
  second: AttemptView;
  onOpen: (attempt: AttemptView) => void;
  opening: string | null;
}) {
  const c = useMemo(() => compareAttempts(first, second), [first, second]);
  return (
    <section className="attempt-compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare</h3>
      <div className="attempt-compare__sides">
        {(['before', 'after'] as const).map((side) => (
          <div key={side} className="attempt-compare__side">
            <span className="muted small">{side === 'before' ? 'Earlier' : 'Later'}</span>
            <div>
              <KindBadge kind={c[side].kind} /> {formatDateTime(c[side].created_at)}
            </div>
            <button
              type="button"
              className="link-button"
              disabled={opening !== null}
              onClick={() => onOpen(c[side])}
            >
              Open in editor<span className="visually-hidden"> ({describe(c[side])})</span>
            </button>
          </div>
        ))}
      </div>
      {!c.sameSet && (
        <p className="muted small">
          Not over the same cases: the run is scored on the public examples, the submission on the hidden set.
          Cost is compared per case.
        </p>
      )}
      <MetricsTable c={c} />
      {c.aspects.length > 0 && <AspectsTable c={c} />}
      <PipelineDiff before={c.before} after={c.after} same={c.samePipeline} />
    </section>
  );
}

interface DeltaRow {
  key: string;
  label: ReactNode;
  before: string;
  after: string;
  delta: number | null;
  verdict: MetricDelta['verdict'];
  format: (value: number) => string;
}

/** A figure per row: the earlier attempt's, the later's, and the change coloured by which is better. */
function DeltaTable({ caption, what, rows }: { caption: ReactNode; what: string; rows: DeltaRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact attempt-compare__table">
        {caption}
        <thead>
          <tr>
            <th>{what}</th>
            <th className="num">Earlier</th>
            <th className="num">Later</th>
            <th className="num">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.before}</td>
              <td className="num">{r.after}</td>
              <td className={`num delta${r.verdict ? ` delta--${r.verdict}` : ''}`}>
                {formatDelta(r.delta, r.format)}
                {r.verdict === 'better' || r.verdict === 'worse' ? (
                  <span className="visually-hidden"> ({r.verdict})</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MetricsTable({ c }: { c: Comparison }) {
  const rows = c.metrics.map(
    (m): DeltaRow => ({
      key: m.key,
      label: m.label,
      before: FORMATS[m.key].side(c.before, m.before),
      after: FORMATS[m.key].side(c.after, m.after),
      delta: m.delta,
      verdict: m.verdict,
      format: FORMATS[m.key].delta,
    }),
  );
  const caption = <caption className="visually-hidden">Figures of the two attempts and the change</caption>;
  return <DeltaTable caption={caption} what="Figure" rows={rows} />;
}

function AspectsTable({ c }: { c: Comparison }) {
  const points = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10}`);
  const rows = c.aspects.map(
    (a): DeltaRow => ({
      key: a.path,
      label: <code>{a.path}</code>,
      before: points(a.before),
      after: points(a.after),
      delta: a.delta,
      verdict: a.verdict,
      format: points,
    }),
  );
  return (
    <DeltaTable caption={<caption>Accuracy per output field (points)</caption>} what="Field" rows={rows} />
  );
}

/** The line diff of the two pipelines, earlier to later, scrolling inside its own box. */
function PipelineDiff({ before, after, same }: { before: AttemptView; after: AttemptView; same: boolean }) {
  const a = useAttempt(before.kind, before.id);
  const b = useAttempt(after.kind, after.id);
  const diff = useMemo(
    () => (a.data && b.data ? lineDiff(a.data.pipeline, b.data.pipeline) : null),
    [a.data, b.data],
  );
  if (a.isError || b.isError)
    return <ErrorState title="The pipelines could not be loaded" error={a.error ?? b.error} />;
  if (!diff) return <Loading label="Loading the two pipelines" lines={4} />;
  const stats = diffStats(diff);
  return (
    <div className="pipeline-diff">
      <h4>
        Pipeline{' '}
        <span className="muted small">
          {same ? 'the same text in both' : `+${stats.added} −${stats.removed} lines`}
        </span>
      </h4>
      <section className="pipeline-diff__box" aria-label="Pipeline diff">
        <table className="pipeline-diff__table">
          <tbody>
            {diff.map((line) => (
              // (a, b) is unique: a kept line has both numbers, a removed one only a, an added one only b.
              <tr key={`${line.a ?? ''}-${line.b ?? ''}`} className={`diff-line diff-line--${line.op}`}>
                <td className="diff-line__no">{line.a ?? ''}</td>
                <td className="diff-line__no">{line.b ?? ''}</td>
                <td
                  className="diff-line__mark"
                  aria-label={line.op === 'add' ? 'added' : line.op === 'del' ? 'removed' : undefined}
                >
                  {line.op === 'add' ? '+' : line.op === 'del' ? '−' : ' '}
                </td>
                <td className="diff-line__text">{line.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
