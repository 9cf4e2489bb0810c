import pg from 'pg';
import { apiUrl, stackEnv } from '../support/stack.js';

describe('a running API', () => {
  it('reports Postgres, Redis and a connected worker as healthy', async () => {
    const res = await fetch(`${apiUrl()}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.down).toEqual([]);
    expect(body.checks.postgres.status).toBe('up');
    expect(body.checks.redis.status).toBe('up');
    expect(body.workers).toBeGreaterThanOrEqual(1);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${apiUrl()}/api/health`, { headers: { 'x-request-id': 'trace-me-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-me-42');
    const made = await fetch(`${apiUrl()}/api/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with a coded JSON error, not HTML', async () => {
    const res = await fetch(`${apiUrl()}/api/no-such-thing`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('not_found');
    expect(body.error.requestId).toBeTruthy();
  });

  it('answers malformed JSON with a 400 validation error', async () => {
    const res = await fetch(`${apiUrl()}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"oops":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('validation_failed');
  });

  it('publishes Prometheus metrics, including request durations', async () => {
    await fetch(`${apiUrl()}/api/health`);
    const res = await fetch(`${apiUrl()}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/reps_http_request_duration_seconds_count\{[^}]*route="\/api\/health"/);
    expect(text).toContain('reps_process_cpu_seconds_total');
  });

  it('documents its routes in OpenAPI', async () => {
    const res = await fetch(`${apiUrl()}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
    const ui = await fetch(`${apiUrl()}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('serves the web app for client-side routes and keeps API 404s as JSON', async () => {
    const page = await fetch(`${apiUrl()}/some/client/route`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('has migrated the database and created the demo accounts with hashed passwords', async () => {
    const client = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT handle, role, password_hash FROM users WHERE handle LIKE 'demo-%' ORDER BY handle",
      );
      expect(rows.map((r) => [r.handle, r.role])).toEqual([
        ['demo-admin', 'admin'],
        ['demo-instructor', 'instructor'],
        ['demo-learner', 'learner'],
      ]);
      for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$/);
      const migrations = await client.query('SELECT name FROM migrations');
      expect(migrations.rowCount).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
