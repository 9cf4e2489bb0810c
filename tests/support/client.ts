import { apiUrl, waitUntil } from './stack.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny API client that keeps its session cookie, like a browser tab. */
export class Client {
  cookie?: string;
  token?: string;
  /** Another deployment than the shared test stack. */
  baseUrl?: string;

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const send = () =>
      fetch(`${this.baseUrl ?? apiUrl()}/api${path}`, {
        method,
        headers: {
          ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}),
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A test that blocked its event loop (spawnSync of the CLI) can leave a kept-alive socket the
    // server has already closed; the request never reached the server, so sending it again is safe.
    const res = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code !== 'UND_ERR_SOCKET') throw error;
      return send();
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let counter = 0;
/** Registers a fresh learner and returns a signed-in client. */
export async function newLearner(
  prefix = 'learner',
  /** Another deployment than the shared test stack. */
  baseUrl?: string,
): Promise<{ client: Client; handle: string; email: string; password: string }> {
  const handle = `${prefix}-${Date.now().toString(36)}-${counter++}`.slice(0, 32);
  const email = `${handle}@example.test`;
  const password = 'correct horse battery';
  const client = new Client();
  client.baseUrl = baseUrl;
  const res = await client.post('/auth/register', { email, handle, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, handle, email, password };
}

export async function demoClient(who: 'instructor' | 'learner' | 'admin', baseUrl?: string): Promise<Client> {
  const client = new Client();
  client.baseUrl = baseUrl;
  const res = await client.post('/auth/login', { login: `${who}@reps.local`, password: `reps-${who}` });
  if (res.status !== 200) throw new Error(`demo login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

/** A fresh account an admin makes an instructor: one who owns no challenge and runs no cohort. */
export async function newInstructor(): Promise<Client> {
  const { client } = await newLearner('other-instr');
  const admin = await demoClient('admin');
  const me = await client.get('/me');
  const changed = await admin.request('PATCH', `/admin/users/${me.body.id}/role`, { role: 'instructor' });
  if (changed.status !== 200) throw new Error(`promote: ${changed.status} ${JSON.stringify(changed.body)}`);
  return client;
}

/** Waits until a submission is graded and returns its view (fails the test after `timeoutMs`). */
// biome-ignore lint/suspicious/noExplicitAny: the view is read loosely in tests, as Reply bodies are.
export function graded(client: Client, id: string, timeoutMs = 90_000): Promise<any> {
  return waitUntil(
    async () => {
      const view = await client.get(`/submissions/${id}`);
      return view.body.status === 'graded' ? view.body : null;
    },
    timeoutMs,
    'grading',
  );
}
