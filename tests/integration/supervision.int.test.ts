// `npm start` as a supervisor (README.md, top): a crashed API or worker comes back, Ctrl-C/SIGTERM
// stops everything, and a process that keeps crashing stops everything with a clear message.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { afterCrash, RESTART_POLICY } from '../../scripts/lib/restart.mjs';
import { graded, newLearner } from '../support/client.js';
import { ownDataEnv } from '../support/deployment.js';
import { EXACT_SUM } from '../support/echo-sum-pipelines.js';
import { freePort, type Started, stackEnv, startScript, waitUntil } from '../support/stack.js';

// `npm start` builds first (a turbo cache hit, but still seconds on a busy machine): generous.
jest.setTimeout(600_000);

const exactPipeline = EXACT_SUM;

interface RunFile {
  supervisor: number;
  children: number[];
  api?: number;
  worker?: number;
}

/** scripts/start.mjs on its own database, Redis prefix, port and state folder (so its run.json is its own). */
class NpmStart {
  stateDir = mkdtempSync(join(tmpdir(), 'reps-supervision-'));
  baseUrl = '';
  process?: Started;
  /** Every pid the supervisor has started, as seen in run.json. */
  pids = new Set<number>();

  async start(name: string): Promise<RunFile> {
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.process = startScript('scripts/start.mjs', {
      ...stackEnv(),
      ...(await ownDataEnv(name)),
      PORT: String(port),
      REPS_STATE_DIR: this.stateDir,
    });
    const { child } = this.process;
    const up = await waitUntil(
      async () =>
        this.output().includes('Reps is running') ? 'up' : child.exitCode !== null ? 'exited' : null,
      420_000,
      'npm start reporting Reps is running',
    ).catch(() => 'timed out');
    if (up !== 'up') throw new Error(`npm start ${up} before it was up:\n${this.output().slice(-4000)}`);
    return this.run();
  }

  run(): RunFile {
    const run = JSON.parse(readFileSync(join(this.stateDir, 'run.json'), 'utf8')) as RunFile;
    for (const pid of run.children) this.pids.add(pid);
    return run;
  }

  /** Waits for run.json to name a live `name` other than `previous` (the supervisor restarted it). */
  replaced(name: 'api' | 'worker', previous: number, timeoutMs = 120_000): Promise<number> {
    return waitUntil(
      async () => {
        const pid = this.run()[name];
        return pid && pid !== previous && alive(pid) ? pid : null;
      },
      timeoutMs,
      `a new ${name} in run.json`,
    );
  }

  stderr(): string {
    return this.process?.stderr() ?? '';
  }

  output(): string {
    return this.process?.output() ?? '';
  }

  async health(): Promise<{ status: number; body: { workers: number | null } }> {
    const res = await fetch(`${this.baseUrl}/api/health`);
    return { status: res.status, body: await res.json() };
  }

  /** Whatever the test left running is killed; the state folder goes. */
  async cleanup(): Promise<void> {
    if (this.process && this.process.child.exitCode === null && this.process.child.signalCode === null) {
      this.process.child.kill('SIGKILL');
      await this.process.exited;
    }
    for (const pid of this.pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}

/** Running (a zombie waiting to be reaped has ended). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * None of these processes is running. A grandchild (the API's esbuild service) ends on its own once
 * its parent has gone, so it gets a moment.
 */
async function expectAllEnded(pids: number[]): Promise<void> {
  await waitUntil(async () => leftovers(pids).length === 0, 30_000, 'every process ending').catch(
    () => undefined,
  );
  expect(leftovers(pids)).toEqual([]);
}

/** Those still alive, with their command lines (for a readable failure). */
function leftovers(pids: number[]): string[] {
  return pids.filter(alive).map((pid) => {
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      } catch {
        return '?';
      }
    })();
    return `${pid}: ${cmd}`;
  });
}

/** Every process below `pid` (Linux /proc), so the test sees what the supervisor started, not only run.json. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

describe('npm start supervises the API and the worker', () => {
  it('restarts a killed worker and a killed API, and leaves nothing behind on SIGTERM', async () => {
    const stack = new NpmStart();
    try {
      const first = await stack.start('superv');
      expect(first.supervisor).toBe(stack.process!.child.pid);
      expect(first.children).toEqual([first.api, first.worker]);

      // kill -9 the worker: the supervisor says so on stderr and starts a new one that goes live.
      process.kill(first.worker!, 'SIGKILL');
      const worker = await stack.replaced('worker', first.worker!);
      expect(stack.stderr()).toContain(
        `the worker (pid ${first.worker}) ended unexpectedly (killed by SIGKILL)`,
      );
      expect(stack.stderr()).toMatch(/restarting it in 1 s \(attempt 1\)/);
      expect(stack.stderr()).toContain(`restarted the worker (pid ${worker}, attempt 1)`);
      await waitUntil(
        async () => stack.stderr().includes('the worker is ready again'),
        120_000,
        'worker ready',
      );
      // The killed worker's Redis connection is gone: the one live worker is the new one.
      await waitUntil(
        async () => (await stack.health()).body.workers === 1,
        60_000,
        'health counting one worker',
      );
      expect(alive(first.worker!)).toBe(false);

      // The new worker grades.
      const learner = await newLearner('superv', stack.baseUrl);
      const submitted = await learner.client.post('/challenges/echo-sum/submissions', {
        pipeline: exactPipeline,
      });
      expect(submitted.status).toBe(202);
      const view = await graded(learner.client, submitted.body.id, 180_000);
      expect(view.correctness).toBe(100);

      // kill -9 the API: a new one comes back healthy, and the same session reads the grade.
      process.kill(first.api!, 'SIGKILL');
      const api = await stack.replaced('api', first.api!);
      expect(stack.stderr()).toContain(`the API (pid ${first.api}) ended unexpectedly (killed by SIGKILL)`);
      await waitUntil(
        async () => stack.stderr().includes('the API is healthy again'),
        180_000,
        'API healthy',
      );
      expect((await stack.health()).status).toBe(200);
      expect((await learner.client.get(`/submissions/${submitted.body.id}`)).body.status).toBe('graded');
      expect(stack.run()).toMatchObject({ children: [api, worker], api, worker });

      // SIGTERM (what `npm run stop` sends): everything it started stops, and run.json goes.
      const started = descendants(stack.process!.child.pid!);
      expect(started).toEqual(expect.arrayContaining([api, worker]));
      stack.process!.child.kill('SIGTERM');
      const { code } = await stack.process!.exited;
      expect(code).toBe(0);
      await expectAllEnded([...started, ...stack.pids]);
      expect(existsSync(join(stack.stateDir, 'run.json'))).toBe(false);
      expect(stack.stderr()).not.toContain('giving up');
    } finally {
      await stack.cleanup();
    }
  });

  it('gives up, naming the process and its log, when the worker keeps crashing', async () => {
    const stack = new NpmStart();
    try {
      const first = await stack.start('giveup');
      const killed: number[] = [];
      let pid = first.worker!;
      // Kill every worker it starts: 5 crashes within the window (1 + 2 + 4 + 8 s of backoff).
      while (killed.length < RESTART_POLICY.maxCrashes) {
        process.kill(pid, 'SIGKILL');
        killed.push(pid);
        if (killed.length < RESTART_POLICY.maxCrashes) pid = await stack.replaced('worker', pid);
      }
      const { code } = await stack.process!.exited;
      expect(code).toBe(1);
      expect(stack.stderr()).toContain(
        `the worker crashed ${RESTART_POLICY.maxCrashes} times within ${RESTART_POLICY.windowMs / 1000} s (last: killed by SIGKILL); giving up and stopping everything`,
      );
      expect(stack.stderr()).toContain('Its log is above: the lines starting "worker │"');
      expect(stack.stderr()).toContain('restarting it in 8 s (attempt 4)');
      await expectAllEnded([...stack.pids]);
      expect(existsSync(join(stack.stateDir, 'run.json'))).toBe(false);
    } finally {
      await stack.cleanup();
    }
  });
});

describe('the restart policy (scripts/lib/restart.mjs)', () => {
  const { firstDelayMs, maxDelayMs, stableMs, maxCrashes, windowMs } = RESTART_POLICY;

  it('backs off 1 s, 2 s, 4 s … capped at 30 s while the process keeps crashing soon after its start', () => {
    let history: ReturnType<typeof afterCrash> | undefined;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      // 40 s apart: never stable, and never more than 3 crashes inside the 2-minute window.
      const now = 1_000_000 + i * 40_000;
      history = afterCrash(history, now - 10_000, now);
      expect(history.giveUp).toBe(false);
      expect(history.attempt).toBe(i + 1);
      delays.push(history.delayMs);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30].map((s) => s * 1000));
    expect(delays[0]).toBe(firstDelayMs);
    expect(Math.max(...delays)).toBe(maxDelayMs);
  });

  it('starts the backoff again once the process stayed up long enough', () => {
    let history = afterCrash(undefined, 0, 1_000);
    history = afterCrash(history, 2_000, 3_000);
    history = afterCrash(history, 7_000, 8_000);
    expect(history).toMatchObject({ attempt: 3, delayMs: 4_000 });
    history = afterCrash(history, 12_000, 12_000 + stableMs);
    expect(history).toMatchObject({ attempt: 1, delayMs: firstDelayMs, giveUp: false });
  });

  it('gives up after 5 crashes of the same process within 2 minutes, and only then', () => {
    let history: ReturnType<typeof afterCrash> | undefined;
    for (let i = 1; i < maxCrashes; i++) {
      history = afterCrash(history, i * 1_000, i * 1_000 + 500);
      expect(history.giveUp).toBe(false);
    }
    expect(afterCrash(history, 100_000, 100_500).giveUp).toBe(true);
    // The same fifth crash once the first has left the window: carry on.
    const later = afterCrash(history, 1_000 + windowMs, 1_500 + windowMs);
    expect(later.giveUp).toBe(false);
    expect(later.crashes).toHaveLength(maxCrashes - 1);
  });
});
