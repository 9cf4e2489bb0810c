/** One server-sent event: `event` defaults to `message`, as in the browser's EventSource. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses a text/event-stream body (the WHATWG rules: `field: value` lines, comments starting with
 * `:`, multi-line data joined with newlines, an event dispatched at a blank line). Node's fetch has
 * no EventSource, and a few lines here beat a dependency for three routes.
 */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = buffer.search(/\r\n|\r|\n/);
      // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
      while (newline !== -1 && !(buffer[newline] === '\r' && newline === buffer.length - 1 && !done)) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n'), ...(id ? { id } : {}) };
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
          else if (field === 'id') id = value;
        }
        newline = buffer.search(/\r\n|\r|\n/);
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    // The consumer stopped early (a final event): close the connection rather than leave it open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
