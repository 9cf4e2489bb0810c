import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { reps, scratch } from '../cli-test-kit.js';
import { type FakeApi, startFakeApi, TEST_TOKEN } from '../remote/api-test-kit.js';

describe('reps login, whoami, logout', () => {
  let api: FakeApi;
  let home: Awaited<ReturnType<typeof scratch>>;
  let env: Record<string, string>;
  beforeEach(async () => {
    api = await startFakeApi();
    home = await scratch({});
    env = { XDG_CONFIG_HOME: home.dir };
  });
  afterEach(async () => {
    await api.close();
    await home.cleanup();
  });
  const configPath = () => join(home.dir, 'reps', 'config.json');

  it('checks the token with /api/me, then saves url and token in a file only the user can read', async () => {
    const { code, stdout } = await reps(['login', '--token', TEST_TOKEN, '--url', `${api.url}/`], { env });
    expect(code).toBe(0);
    expect(stdout).toContain(`logged in to ${api.url} as @ada (learner)`);
    expect(api.requests).toEqual([{ method: 'GET', path: '/api/me', authorization: `Bearer ${TEST_TOKEN}` }]);
    const saved = JSON.parse(await readFile(configPath(), 'utf8'));
    expect(saved).toMatchObject({ url: api.url, token: TEST_TOKEN, handle: 'ada' });
    expect((await stat(configPath())).mode & 0o777).toBe(0o600);
  });

  it('does not save a token the server refuses, and says why', async () => {
    const { code, stderr } = await reps(['login', '--token', 'reps_wrong', '--url', api.url], { env });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^reps: unauthenticated: The API token is unknown or revoked\./);
    await expect(stat(configPath())).rejects.toThrow(/ENOENT/);
  });

  it('whoami uses the saved login; logout forgets it', async () => {
    await reps(['login', '--token', TEST_TOKEN, '--url', api.url], { env });
    const who = await reps(['whoami'], { env });
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/^user\s+@ada \(Ada\)$/m);
    expect(who.stdout).toMatch(new RegExp(`^profile\\s+${api.url}/u/ada$`, 'm'));
    const out = await reps(['logout'], { env });
    expect(out.stdout).toContain(`removed ${configPath()}`);
    await expect(stat(configPath())).rejects.toThrow(/ENOENT/);
    const after = await reps(['whoami'], { env });
    expect(after.code).toBe(2);
    // Without a saved login, the server is the local default again.
    expect(after.stderr).toContain(
      'reps: unauthenticated: not logged in to http://127.0.0.1:3000: run `reps login',
    );
  });

  it('lets REPS_URL and REPS_TOKEN override the saved login', async () => {
    const { code, stdout } = await reps(['whoami', '--json'], {
      env: { ...env, REPS_URL: api.url, REPS_TOKEN: TEST_TOKEN },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      url: api.url,
      token_from: 'REPS_TOKEN',
      user: { handle: 'ada' },
    });
  });

  it('never sends the saved token to another server', async () => {
    await reps(['login', '--token', TEST_TOKEN, '--url', api.url], { env });
    const other = await startFakeApi();
    try {
      const { code, stderr } = await reps(['whoami'], { env: { ...env, REPS_URL: other.url } });
      expect(code).toBe(2);
      expect(stderr).toContain(`not logged in to ${other.url}`);
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('reports an unreachable server in one line and exits 2', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await reps(
      ['login', '--token', TEST_TOKEN, '--url', `http://127.0.0.1:${port}`],
      {
        env,
      },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `reps: service_unavailable: cannot reach the Reps server at http://127.0.0.1:${port}: connection refused (is it running? \`npm start\` serves one locally)\n`,
    );
  });

  it('refuses a URL that is not http(s)', async () => {
    const { code, stderr } = await reps(['login', '--token', TEST_TOKEN, '--url', 'ftp://x'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain('--url must be a URL starting with http:// or https://');
  });
});

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
