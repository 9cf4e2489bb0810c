import { apiUrl } from './stack.js';

export interface SseEvent {
  type: string;
  data: any;
  /** When it arrived (Date.now()). */
  at: number;
}

/** Reads a server-sent-event stream until it ends (or the timeout), like a browser's EventSource. */
export async function readEvents(
  path: string,
  cookie: string | undefined,
  timeoutMs = 60_000,
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const res = await fetch(`${apiUrl()}/api${path}`, {
    headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`events: ${res.status} ${await res.text()}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (data) events.push({ type, data: JSON.parse(data), at: Date.now() });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    clearTimeout(timer);
  }
  return events;
}
