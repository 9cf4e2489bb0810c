import { jest } from '@jest/globals';
import { Client, newLearner } from '../support/client.js';
import { Deployment } from '../support/deployment.js';

jest.setTimeout(120_000);

describe('/metrics is for the operator', () => {
  const token = 'metrics-token-for-the-scraper';
  const d = new Deployment();
  beforeAll(() => d.start('metrics', { REPS_METRICS_TOKEN: token }));
  afterAll(() => d.stop());

  it('with REPS_METRICS_TOKEN set, answers only a scraper that sends it', async () => {
    expect((await fetch(`${d.url}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${d.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(404);
    const right = await fetch(`${d.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('reps_process_cpu_seconds_total');
  });

  it('without REPS_TRUST_PROXY, believes no X-Forwarded-Proto: the cookie of a plain-http sign-in is not Secure', async () => {
    const { handle, password } = await newLearner('plain', d.url);
    const c = new Client();
    c.baseUrl = d.url;
    const reply = await c.request(
      'POST',
      '/auth/login',
      { login: handle, password },
      { 'x-forwarded-proto': 'https' },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('set-cookie')).not.toMatch(/; Secure/);
  });
});

/** Behind a reverse proxy on the same host, every connection comes from loopback. */
describe('/metrics without a token, behind a proxy (REPS_TRUST_PROXY=1)', () => {
  const d = new Deployment();
  beforeAll(() => d.start('metricsproxy', { REPS_TRUST_PROXY: '1' }));
  afterAll(() => d.stop());

  it('answers a caller on the same host, and refuses an outside client the proxy forwards', async () => {
    expect((await fetch(`${d.url}/metrics`)).status).toBe(200);
    // What nginx sends for an outside client, after whatever the client claimed itself.
    for (const forwarded of ['203.0.113.9', '127.0.0.1, 203.0.113.9']) {
      const proxied = await fetch(`${d.url}/metrics`, { headers: { 'x-forwarded-for': forwarded } });
      expect([forwarded, proxied.status]).toEqual([forwarded, 404]);
    }
    const local = await fetch(`${d.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } });
    expect(local.status).toBe(200);
  });

  it('marks the session cookie Secure when the TLS-terminating proxy says the request came over https', async () => {
    const { handle, password } = await newLearner('secure', d.url);
    const login = (headers: Record<string, string>) => {
      const c = new Client();
      c.baseUrl = d.url;
      return c.request('POST', '/auth/login', { login: handle, password }, headers);
    };
    const https = await login({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.30' });
    expect(https.status).toBe(200);
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
    const http = await login({ 'x-forwarded-for': '198.51.100.30' });
    expect(http.headers.get('set-cookie')).not.toMatch(/; Secure/);
  });
});
