import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A pipeline asking an OpenAI-compatible model for the case's sum as JSON. */
export const modelPipeline = (model: string) => `name: real-model
budget: { max_calls: 2 }
steps:
  - id: answer
    llm:
      model: ${model}
      prompt: "{{ input.question }} Reply as JSON with the sum."
      output: { json: { type: object, required: [sum], properties: { sum: { type: integer } } } }
  - id: result
    output: answer
`;

/**
 * A local server that speaks the OpenAI Chat Completions API, answers with the right sum of the
 * numbers in the prompt, and remembers the headers of every call (to see whose key was sent).
 */
export async function fakeOpenAI() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push(req.headers);
      const numbers = (JSON.parse(body).messages.at(-1).content.match(/-?\d+/g) ?? []).slice(1).map(Number);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: {
                role: 'assistant',
                content: JSON.stringify({ sum: numbers.reduce((a: number, b: number) => a + b, 0) }),
              },
            },
          ],
          usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    seen,
    close: () => server.close(),
  };
}
