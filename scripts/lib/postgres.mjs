// A project-local PostgreSQL: initdb once under the state folder, started with pg_ctl from the
// system's binaries as a non-root user (Postgres refuses to run as root), on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall, fail, isRoot, portIsFree, run, say, which } from './util.mjs';

const PG_USER = 'reps';

function findBinDir() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(base, versions[0], 'bin');
  }
  const pgCtl = which('pg_ctl');
  return pgCtl ? resolve(pgCtl, '..') : null;
}

function ensureBinDir() {
  let bin = findBinDir();
  if (!bin && aptInstall(['postgresql'])) bin = findBinDir();
  if (!bin) {
    fail(
      'PostgreSQL is not installed and cannot be installed from here (needs root and apt-get).\n' +
        '  Install PostgreSQL 15+ (initdb, pg_ctl), or set DATABASE_URL to a running server.',
    );
  }
  return bin;
}

/** As root we run Postgres as the `postgres` system user (created by Debian's package), else as ourselves. */
function serverUser() {
  if (!isRoot()) return null;
  const result = run('id', ['-u', 'postgres'], { allowFail: true });
  if (result.status !== 0) {
    run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  }
  return 'postgres';
}

function asUser(user, cmd, args, options = {}) {
  return user ? run('runuser', ['-u', user, '--', cmd, ...args], options) : run(cmd, args, options);
}

/**
 * The data folder must be reachable by the server's user. A clone under /root is not, so then the
 * data lives under the system's temp folder, keyed by the project path (same clone, same data).
 */
function dataDirFor(stateDir, user) {
  const preferred = join(stateDir, 'postgres');
  if (!user) return preferred;
  mkdirSync(stateDir, { recursive: true });
  const probe = run('runuser', ['-u', user, '--', 'test', '-x', stateDir], { allowFail: true });
  if (probe.status === 0) return preferred;
  const key = createHash('sha256').update(resolve(stateDir)).digest('hex').slice(0, 12);
  return join(tmpdir(), `reps-postgres-${key}`);
}

function pgCtlStatus(bin, user, data) {
  if (!existsSync(join(data, 'PG_VERSION'))) return 'absent';
  return asUser(user, join(bin, 'pg_ctl'), ['status', '-D', data], { allowFail: true }).status === 0
    ? 'running'
    : 'stopped';
}

function runningPort(data) {
  try {
    // postmaster.pid line 4 is the port.
    return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[3]);
  } catch {
    return null;
  }
}

/**
 * Ensures a local server runs on `port` with database `database`. Returns its URL and whether this
 * call started it (only then should the caller stop it).
 */
export async function ensureLocalPostgres({ stateDir, port, database, anyPort = false }) {
  const bin = ensureBinDir();
  const user = serverUser();
  const data = dataDirFor(stateDir, user);
  const logFile = join(resolve(data, '..'), `${data.split('/').pop()}.log`);

  let status = pgCtlStatus(bin, user, data);
  if (status === 'absent') {
    say(`creating a PostgreSQL cluster in ${data}`);
    mkdirSync(data, { recursive: true });
    if (user) run('chown', ['-R', `${user}:`, data]);
    chmodSync(data, 0o700);
    asUser(user, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      PG_USER,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    status = 'stopped';
  }

  let started = false;
  if (status === 'running') {
    const current = runningPort(data);
    if (anyPort && current) port = current;
    else if (current !== port)
      fail(
        `the project's PostgreSQL already runs on port ${current}; stop it (npm run stop) or set REPS_PG_PORT=${current}`,
      );
  } else {
    if (!(await portIsFree(port))) {
      fail(`port ${port} (PostgreSQL) is already in use by another program; set REPS_PG_PORT to a free port`);
    }
    if (user) {
      run('touch', [logFile]);
      run('chown', [`${user}:`, logFile]);
    }
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200`;
    const result = asUser(
      user,
      join(bin, 'pg_ctl'),
      ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options],
      {
        allowFail: true,
      },
    );
    if (result.status !== 0)
      fail(`PostgreSQL did not start; see ${logFile}\n${result.stdout}${result.stderr}`);
    started = true;
  }
  const url = `postgres://${PG_USER}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${PG_USER}@127.0.0.1:${port}/postgres`, database);
  return { url, started, stop: () => stopLocalPostgres({ bin, user, data }) };
}

export function stopLocalPostgres({ bin, user, data }) {
  asUser(user, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '30'], {
    allowFail: true,
  });
}

/** Stops the project's server whatever started it (npm run stop). */
export function stopProjectPostgres(stateDir) {
  const bin = findBinDir();
  if (!bin) return false;
  const user = isRoot() ? 'postgres' : null;
  const data = dataDirFor(stateDir, user);
  if (pgCtlStatus(bin, user, data) !== 'running') return false;
  stopLocalPostgres({ bin, user, data });
  return true;
}

/** CREATE DATABASE when missing (pg is installed by then: scripts call this after npm install). */
export async function ensureDatabase(adminUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
