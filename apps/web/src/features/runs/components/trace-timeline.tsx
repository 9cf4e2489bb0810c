import { useMemo, useState } from 'react';
import { formatInt, formatMs, formatUsd } from '../../../lib/format';
import type { CaseTrace } from '../types/run-result';
import { type Span, toSpans } from '../utils/trace-spans';
import { TraceMessageView } from './trace-message';

function ticks(total: number): number[] {
  if (total <= 0) return [0];
  return [0, 0.25, 0.5, 0.75, 1].map((f) => f * total);
}

/**
 * The trace of one case as a timeline on its virtual-time axis: every step, map item, round,
 * attempt and sample, agent turn and tool call is a bar; clicking one shows what was sent and
 * received.
 */
export function TraceTimeline({ trace }: { trace: CaseTrace }) {
  const spans = useMemo(() => toSpans(trace), [trace]);
  const [selected, setSelected] = useState<string | null>(null);
  const total = Math.max(trace.latency_ms, ...spans.map((s) => s.end), 1);
  const current = spans.find((s) => s.key === selected);

  if (spans.length === 0) return <p className="muted">The trace has no steps.</p>;
  return (
    <div className="trace">
      <div className="trace__head">
        <span className="trace__title">Trace</span>
        <span className="muted small">
          virtual time {formatMs(trace.latency_ms)} · {trace.usage.calls} calls ·{' '}
          {formatInt(trace.usage.input_tokens + trace.usage.output_tokens)} tokens ·{' '}
          {formatUsd(trace.usage.cost_usd)}
        </span>
      </div>
      {trace.error && (
        <p className="form-error small">
          <code>{trace.error.code}</code>
          {trace.error.step ? ` in ${trace.error.step}` : ''}: {trace.error.message}
        </p>
      )}
      <div className="trace__axis" aria-hidden="true">
        <span />
        <div className="trace__ticks">
          {ticks(total).map((t) => (
            <span key={t} style={{ left: `${(t / total) * 100}%` }}>
              {formatMs(t)}
            </span>
          ))}
        </div>
      </div>
      <ul className="trace__rows" aria-label="Trace timeline">
        {spans.map((span) => {
          const left = (span.start / total) * 100;
          const width = Math.max(((span.end - span.start) / total) * 100, 0.4);
          const failed = span.status === 'failed' || Boolean(span.error);
          return (
            <li key={span.key}>
              <button
                type="button"
                className={`trace__row${selected === span.key ? ' trace__row--selected' : ''}`}
                aria-pressed={selected === span.key}
                onClick={() => setSelected(selected === span.key ? null : span.key)}
              >
                <span className="trace__label" style={{ paddingLeft: `${span.depth * 14}px` }}>
                  <span className={`kind kind--${span.kind}`}>{span.kind}</span>
                  {span.badge && <span className="trace__badge">{span.badge}</span>}
                  <span className="trace__text">
                    <span className="trace__name" title={span.label}>
                      {span.label}
                    </span>
                    {span.meta && <span className="trace__meta">{span.meta}</span>}
                  </span>
                </span>
                <span className="trace__track">
                  <span
                    className={`trace__bar trace__bar--${span.kind}${failed ? ' trace__bar--failed' : ''}`}
                    style={{ left: `${left}%`, width: `${width}%` }}
                    title={`${formatMs(span.start)} → ${formatMs(span.end)}`}
                  />
                </span>
                <span className="trace__dur">{formatMs(span.end - span.start)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {current && <SpanDetail span={current} />}
    </div>
  );
}

function SpanDetail({ span }: { span: Span }) {
  const { call, step, item, turn, toolCall } = span;
  return (
    <section className="span-detail" aria-label={`Details of ${span.label}`}>
      <header className="span-detail__head">
        <strong>{span.label}</strong>
        <span className={`badge badge--${span.status === 'ok' ? 'ok' : 'bad'}`}>{span.status}</span>
        {span.badge && <span className="badge badge--pending">{span.badge}</span>}
        <span className="muted small">
          {formatMs(span.start)} → {formatMs(span.end)} ({formatMs(span.end - span.start)})
        </span>
      </header>
      {span.error && (
        <p className="form-error small">
          <code>{span.error.code}</code>: {span.error.message}
        </p>
      )}
      {call && (
        <>
          <dl className="facts facts--inline">
            <dt>Model</dt>
            <dd>
              <code>{call.model}</code>
            </dd>
            <dt>Tokens</dt>
            <dd>
              {formatInt(call.input_tokens)} in · {formatInt(call.output_tokens)} out
            </dd>
            <dt>Cost</dt>
            <dd>{formatUsd(call.cost_usd)}</dd>
            {turn && (
              <>
                <dt>Tool calls</dt>
                <dd>
                  {turn.tool_calls.length === 0
                    ? 'none'
                    : turn.tool_calls
                        .map((c) => `${c.name}${c.status === 'ok' ? '' : ' (failed)'}`)
                        .join(', ')}
                </dd>
              </>
            )}
          </dl>
          <Messages messages={call.messages} resent={span.resent ?? 0} turn={turn?.turn} />
          {(call.text || call.output !== undefined || !turn) && (
            <div className="message">
              <span className="message__role">response</span>
              <pre className="code-block code-block--wrap">
                {call.text || JSON.stringify(call.output, null, 2)}
              </pre>
            </div>
          )}
        </>
      )}
      {toolCall && (
        <>
          <dl className="facts facts--inline">
            <dt>Tool</dt>
            <dd>
              <code>{toolCall.name}</code>
            </dd>
            <dt>Call id</dt>
            <dd>
              <code>{toolCall.id}</code>
            </dd>
            {toolCall.steps && (
              <>
                <dt>Steps</dt>
                <dd>{toolCall.steps.length} (below it in the timeline)</dd>
              </>
            )}
          </dl>
          <span className="message__role">arguments</span>
          <pre className="code-block code-block--wrap">{pretty(toolCall.args)}</pre>
          {toolCall.status === 'ok' && (
            <>
              <span className="message__role">result (sent back to the model)</span>
              <pre className="code-block code-block--wrap">{pretty(toolCall.result)}</pre>
            </>
          )}
        </>
      )}
      {step && !call && (
        <>
          <dl className="facts facts--inline">
            <dt>Kind</dt>
            <dd>{step.kind}</dd>
            <dt>Calls</dt>
            <dd>{step.usage.calls}</dd>
            <dt>Tokens</dt>
            <dd>
              {formatInt(step.usage.input_tokens)} in · {formatInt(step.usage.output_tokens)} out
            </dd>
            <dt>Cost</dt>
            <dd>{formatUsd(step.usage.cost_usd)}</dd>
            {step.turns && (
              <>
                <dt>Turns</dt>
                <dd>{step.turns.length}</dd>
              </>
            )}
            {step.attempts !== undefined && (
              <>
                <dt>Attempts</dt>
                <dd>{step.attempts}</dd>
              </>
            )}
            {step.branch !== undefined && (
              <>
                <dt>Branch</dt>
                <dd>{step.branch === 'default' ? 'default' : `case ${step.branch + 1}`}</dd>
              </>
            )}
          </dl>
          {step.tally && (
            <p className="small">
              Vote tally:{' '}
              {Object.entries(step.tally)
                .map(([value, n]) => `${value} × ${n}`)
                .join(', ')}
            </p>
          )}
          {step.flagged && step.flagged.length > 0 && (
            <p className="small">Flagged: {step.flagged.map((f) => f.reason).join('; ')}</p>
          )}
          <span className="message__role">output</span>
          <pre className="code-block">{JSON.stringify(step.output, null, 2) ?? 'undefined'}</pre>
        </>
      )}
      {item && (
        <>
          <span className="message__role">item output</span>
          <pre className="code-block">{JSON.stringify(item.output, null, 2) ?? 'undefined'}</pre>
        </>
      )}
    </section>
  );
}

/**
 * A call's messages. On an agent's later turns the conversation so far comes first, already shown
 * on the turn before: it is folded, so what this turn added (the tool results) is what one reads.
 */
function Messages({
  messages,
  resent,
  turn,
}: {
  messages: CallMessage[];
  resent: number;
  turn: number | undefined;
}) {
  const list = (from: number, to: number) =>
    messages.slice(from, to).map((message, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id and never reorder
      <TraceMessageView key={from + i} message={message} />
    ));
  return (
    <>
      {resent > 0 && (
        <details className="message message--earlier">
          <summary className="message__role">
            {resent} earlier message{resent === 1 ? '' : 's'}
            {turn ? ` (as on turn ${turn - 1})` : ''}
          </summary>
          {list(0, resent)}
        </details>
      )}
      {list(resent, messages.length)}
    </>
  );
}

type CallMessage = NonNullable<Span['call']>['messages'][number];

function pretty(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? 'undefined');
}
