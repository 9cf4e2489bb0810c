import type { TraceMessage } from '../types/run-result';

/**
 * One message sent to a model. In an agent's conversation an assistant message may be only the
 * tools it asked for (its text empty), drawn as `name(arguments)` lines, and a tool message is the
 * JSON a tool returned, labelled with the tool and shown indented.
 */
export function TraceMessageView({ message }: { message: TraceMessage }) {
  const calls = message.tool_calls ?? [];
  const role = message.role === 'tool' && message.name ? `tool result · ${message.name}` : message.role;
  return (
    <div className={`message message--${message.role}`}>
      <span className="message__role">{role}</span>
      {(message.content || calls.length === 0) && (
        <pre className="code-block code-block--wrap">
          {message.role === 'tool' ? prettyJson(message.content) : message.content}
        </pre>
      )}
      {calls.length > 0 && (
        <ul className="message__calls" aria-label="Tools asked for">
          {calls.map((call) => (
            <li key={call.id}>
              <code>
                {call.name}(
                {typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments)})
              </code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A tool's result is JSON on one line; indented it reads better. Text that is not JSON stays. */
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
