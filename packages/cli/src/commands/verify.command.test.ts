import { reps } from '../cli-test-kit.js';
import { type FakeApi, startFakeApi, TEST_RECORD } from '../remote/api-test-kit.js';

describe('reps verify', () => {
  let api: FakeApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('prints the record and "signature valid" when the issuing server confirms it', async () => {
    api = await startFakeApi();
    const { code, stdout } = await reps(['verify', TEST_RECORD.verification_id, '--url', api.url]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^learner\s+@ada/m);
    expect(stdout).toMatch(/^challenge\s+Route the morning support queue \(support-ticket-routing v1\)$/m);
    // The figures exactly as signed: the API rounds them (older records carry more digits).
    expect(stdout).toMatch(/^correctness\s+93\.5 ± 1\.3 \(80 hidden cases\)$/m);
    expect(stdout).toMatch(/^cost\s+\$0\.042$/m);
    expect(stdout).toMatch(/^latency\s+p50 2,500 ms · p95 3,100 ms$/m);
    expect(stdout).toMatch(/^signature\s+HMAC-SHA256 [0-9a-f]{64}$/m);
    expect(stdout).toContain(`signature valid (checked by ${api.url})`);
    // Public routes: no token is sent, even when one is configured.
    expect(api.requests.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['GET', `/api/verify/${TEST_RECORD.verification_id}`, undefined],
      ['POST', '/api/verify', undefined],
    ]);
  });

  it('says INVALID and exits 1 when the record was altered', async () => {
    api = await startFakeApi({ tamperedRecord: true });
    const { code, stdout } = await reps(['verify', TEST_RECORD.verification_id, '--json'], {
      env: { REPS_URL: api.url },
    });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, record: { correctness: 99.9 } });
    const human = await reps(['verify', TEST_RECORD.verification_id, '--url', api.url]);
    expect(human.stdout).toContain(`INVALID: ${api.url} did not sign this record`);
  });

  it('exits 2 with the server message for an unknown id', async () => {
    api = await startFakeApi();
    const { code, stderr } = await reps(['verify', 'nosuchid99', '--url', api.url]);
    expect(code).toBe(2);
    expect(stderr).toBe('reps: not_found: No graded submission has this verification id.\n');
  });

  it('explains in --help that only the issuing server can check an HMAC', async () => {
    const { code, stdout } = await reps(['verify', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('HMAC-SHA256');
    expect(stdout).toContain('verification is done by the server that issued the record');
  });
});
