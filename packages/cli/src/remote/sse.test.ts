import { readSse, type SseEvent } from './sse.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of readSse(streamOf(chunks))) events.push(event);
  return events;
}

describe('readSse', () => {
  it('reassembles events split across chunks, with their type and id', async () => {
    const events = await collect([
      'id: 1\nevent: prog',
      'ress\ndata: {"a"',
      ':1}\n',
      '\nevent: final\ndata: {}\n\n',
    ]);
    expect(events).toEqual([
      { event: 'progress', data: '{"a":1}', id: '1' },
      { event: 'final', data: '{}', id: '1' },
    ]);
  });

  it('skips comments, joins multi-line data and accepts CRLF, even split between \\r and \\n', async () => {
    const events = await collect([': keep-alive\r\n\r\ndata: one\r', '\ndata: two\r\n\r\n']);
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('drops an event the stream cut off before its blank line', async () => {
    expect(await collect(['data: complete\n\ndata: cut off'])).toEqual([
      { event: 'message', data: 'complete' },
    ]);
  });
});
