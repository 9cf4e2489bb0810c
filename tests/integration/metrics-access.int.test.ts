import { jest } from '@jest/globals';
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
});
