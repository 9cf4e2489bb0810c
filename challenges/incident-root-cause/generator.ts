import type { CaseSet, Generate, Rng } from '@reps/engine';
import {
  capitalise,
  doubleLetter,
  dropLetter,
  joinAnd,
  type LetterEdit,
  neighbourKey,
  swapLetters,
} from '@reps/engine/generator-kit';
import {
  type ChangeText,
  CONFIG_CHANGES,
  DEPLOY_CHANGES,
  NEIGHBOURS,
  POOL_WORDS,
  RESOURCES,
  SERVICES,
  TEAMS,
} from './data.js';

/**
 * An incident window pulled from the log aggregator: one block of log lines per service, every
 * line with an event id in time order, and the incident ticket, which carries the alert, the
 * service directory (each service's addresses and its callers), the change calendar and the
 * runbook's alert thresholds.
 *
 * One service failed first (the root cause). Services that call it log timeouts and 5xx errors a
 * little later, naming it the way their client library does: by name, host, address, endpoint or
 * pool, so the directory is needed to follow the chain. A decoy service has a fault of its own that
 * nobody's errors point at; other services log routine lines, healthy readings of the same gauges
 * the root cause's build-up uses, and unrelated errors. Which change was a new build and which a
 * configuration change is said only by the change calendar; where a slow build-up starts is set by
 * the runbook's thresholds.
 *
 * Every pool a regex or a nearest neighbour could learn from (frames, vocabularies, layouts,
 * how an upstream is named) is split into families: public cases show some, hidden cases others.
 */

type FailureType =
  | 'db_connection_exhaustion'
  | 'memory_leak'
  | 'bad_deploy'
  | 'certificate_expiry'
  | 'disk_full'
  | 'dns_failure'
  | 'config_error'
  | 'dependency_rate_limit';

const FAILURE_TYPES: FailureType[] = [
  'db_connection_exhaustion',
  'memory_leak',
  'bad_deploy',
  'certificate_expiry',
  'disk_full',
  'dns_failure',
  'config_error',
  'dependency_rate_limit',
];

interface ServiceLog {
  service: string;
  lines: string;
}
interface Input {
  incident: string;
  logs: ServiceLog[];
}
interface Expected {
  root_cause_service: string;
  failure_type: FailureType;
  first_causal_event: string;
}

const DOMAINS = ['internal', 'svc.cluster.local', 'prod.lan', 'corp.net', 'mesh.local', 'dc1.int'];
const REGIONS = ['east', 'west', 'north', 'south', 'central'];
const EXTERNAL_HOSTS = [
  'vault.internal',
  'fx-rates.partner.net',
  'sso.idp-example.com',
  'tax-api.vendor.io',
  'geo.maps-provider.com',
  'kyc.checks-vendor.net',
];
const PROVIDERS = ['Stripe', 'Adyen', 'Twilio', 'SendGrid', 'Algolia', 'Shippo', 'Plaid'];
const MOUNTS = ['/var/data', '/var/lib/postgresql', '/mnt/queue', '/srv/cache', '/data/wal'];

interface Alias {
  host: string;
  ip: string;
  endpoint: string;
  pool: string;
  team: string;
}

type Ref = (s: string, a: Alias) => string;
/** How a client library names the upstream it failed to reach. */
const REFS: Ref[] = [
  (s) => s,
  (_s, a) => a.host,
  (_s, a) => a.ip,
  (_s, a) => a.endpoint,
  (_s, a) => `pool ${a.pool}`,
  (_s, a) => `${a.host.split('.')[0]} (${a.ip})`,
  (_s, a) => `the ${a.team} team's API`,
];

type Entry = (
  s: string,
  a: Alias,
  callers: string,
  list: string[],
  rng: Rng,
  others: [string, Alias][],
) => string;
/** Directory layouts: one entry per service, each naming its addresses and its callers. */
const DIRECTORY: { header: string[]; entry: Entry; joiner?: string }[] = [
  {
    header: ['Service directory:', 'Service catalogue extract:'],
    entry: (s, a, c) =>
      `- ${s}: host ${a.host}, address ${a.ip}, serves ${a.endpoint}, pool ${a.pool}, team ${a.team}; called by ${c}.`,
  },
  {
    header: ['Topology notes from the service catalogue:', 'How the services talk to each other:'],
    entry: (s, a, c) =>
      `${s} (team ${a.team}) answers on ${a.host} (${a.ip}) and serves ${a.endpoint} from the ${a.pool} pool; its callers are ${c}.`,
  },
  {
    header: [
      '| service | host | address | endpoint | pool | team | callers |\n|---|---|---|---|---|---|---|',
    ],
    entry: (s, a, c) => `| ${s} | ${a.host} | ${a.ip} | ${a.endpoint} | ${a.pool} | ${a.team} | ${c} |`,
  },
  {
    header: ['Ownership and addresses:', 'Who runs what:'],
    entry: (s, a, c) =>
      `Team ${a.team} runs ${s} behind the ${a.pool} pool (${a.host}, ${a.ip}) and exposes ${a.endpoint}; it is called by ${c}.`,
  },
  {
    header: ['Call graph (callers → service [addresses]):', 'Dependency map, callers first:'],
    entry: (s, a, c) => `${c} → ${s} [${a.host} · ${a.ip} · ${a.endpoint} · ${a.pool} · team ${a.team}]`,
  },
  {
    header: ['Dependencies as the owners describe them:', 'Who depends on what:'],
    entry: (s, a, c) =>
      `${c === 'nobody' ? 'Nothing' : c} ${c.includes(' and ') ? 'depend' : 'depends'} on ${s}, which listens on ${a.host} / ${a.ip}, handles ${a.endpoint}, sits in pool ${a.pool} and is run by team ${a.team}.`,
  },
  {
    header: ['Directory (YAML export):'],
    entry: (s, a, c) =>
      `- callers: ${c}\n  pool: ${a.pool}\n  service: ${s}\n  endpoint: ${a.endpoint}\n  team: ${a.team}\n  address: ${a.ip}\n  host: ${a.host}`,
  },
  {
    header: ['Notes from the architecture wiki:', 'How it fits together (from the wiki):'],
    entry: (s, a, _c, cs, rng, others) => prose(s, a, cs, rng, others, 0),
    joiner: ' ',
  },
  {
    header: ['Architecture overview:', 'Onboarding notes, "who talks to whom":'],
    entry: (s, a, _c, cs, rng, others) => prose(s, a, cs, rng, others, 1),
    joiner: ' ',
  },
  {
    header: ['From the last architecture review:'],
    entry: (s, a, _c, cs, rng, others) => prose(s, a, cs, rng, others, 2),
    joiner: ' ',
  },
  {
    header: ['Platform handbook, section "Services":', 'Excerpt from the platform handbook:'],
    entry: (s, a, _c, cs, rng, others) => prose(s, a, cs, rng, others, 3),
    joiner: ' ',
  },
  {
    header: ['Registry dump:'],
    entry: (s, a, c) =>
      `name=${s} dns=${a.host} ip=${a.ip} route="${a.endpoint}" lb=${a.pool} owner=${a.team} consumers="${c}"`,
  },
];

/**
 * A service described in running prose: who calls it (in one of several constructions), then its
 * addresses in sentences that refer back to it ("it", "the latter", "this service"), sometimes
 * with an aside that names another service.
 */
function prose(
  s: string,
  a: Alias,
  cs: string[],
  rng: Rng,
  others: [string, Alias][],
  style: number,
): string {
  const names = joinAnd(cs);
  const many = cs.length > 1;
  const intros: string[] = cs.length
    ? [
        `${capitalise(names)} ${many ? 'call' : 'calls'} ${s}.`,
        `${capitalise(s)} is called by ${names}.`,
        `${many ? 'Both ' : ''}${names} ${many ? 'rely' : 'relies'} on ${s}.`,
        `Requests reach ${s} from ${names}.`,
        `${capitalise(s)} serves ${names}.`,
      ]
    : [
        `Nothing in the window calls ${s}.`,
        `${capitalise(s)} has no internal callers.`,
        `${capitalise(s)} only runs scheduled jobs.`,
      ];
  const pool = style === 0 ? intros.slice(0, 2) : style === 1 ? intros.slice(-3) : intros;
  const intro = rng.pick(pool);
  const pronoun = () => rng.pick(style === 0 ? ['It'] : ['It', 'This service', 'That service']);
  const facts = rng.shuffle([
    rng.pick([
      `${pronoun()} answers on ${a.host} (${a.ip}).`,
      `${pronoun()} listens at ${a.ip}, registered in DNS as ${a.host}.`,
    ]),
    rng.pick([
      `Its route is ${a.endpoint} and its pool ${a.pool}.`,
      `${a.endpoint} is served there, behind pool ${a.pool}.`,
    ]),
    rng.pick([`The ${a.team} team owns it.`, `${pronoun()} belongs to the ${a.team} team.`]),
  ]);
  const [o, oa] = others.length ? rng.pick(others) : [s, a];
  const asides = [
    `Unlike ${o}, it keeps no local cache.`,
    `It was split out of ${o} last year.`,
    `Its old address ${oa.ip} was handed to ${o} in the migration.`,
    `Do not confuse it with ${o}, which sits behind pool ${oa.pool}.`,
    `${capitalise(o)}'s route ${oa.endpoint} is often mistaken for it.`,
    `The ${oa.team} team, who run ${o}, share its on-call rota.`,
  ];
  const aside =
    style >= 2 && others.length && rng.chance(0.7)
      ? [rng.pick(style === 2 ? asides.slice(0, 2) : asides)]
      : [];
  return [intro, ...facts.slice(0, 1), ...aside, ...facts.slice(1)].join(' ');
}

const NO_CALLERS = ['nobody', 'no internal service', 'the nightly scheduler only', 'external cron jobs only'];

/** A change described only by the earlier change it repeats: the kind is in that one's entry. */
const REAPPLY: ((id: string, service: string) => string)[] = [
  (id, s) => `re-applies ${id}, this time to ${s}`,
  (id, s) => `same change as ${id}, rolled to ${s}`,
  (id) => `follow-up of ${id} (the same kind of change, second service)`,
  (id, s) => `${s} gets what ${id} did elsewhere`,
];

const BENIGN_CHANGES: ChangeText[] = [
  () => 'dashboard labels renamed, no effect on traffic',
  (rng) =>
    `minor release v${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}: log message wording only, verified healthy`,
  () => 'raised the log retention from 7 to 14 days, verified healthy',
  () => 'added two replicas ahead of the weekend, verified healthy',
];

type ChangeLine = (id: string) => string;
/** How a service's own log records a change being applied (neutral: the calendar says what it was). */
const CHANGE_LINES: ChangeLine[] = [
  (id) => `INFO  change ${id} applied (3/3 pods)`,
  (id) => `INFO  rollout ${id} complete on all replicas`,
  (id) => `INFO  ${id}: new revision live`,
  (id) => `INFO  picked up ${id}, restarting workers`,
  (id) => `NOTICE applied ${id} from the release train`,
  (id) => `INFO  reconciler: ${id} is now active`,
];
const AFTER_CHANGE: ((rng: Rng, a: Alias) => string)[] = [
  (rng) =>
    `ERROR unhandled exception in ${rng.pick(['RuleEngine', 'QuoteBuilder', 'BatchWorker', 'TokenCache'])}.apply`,
  (_rng, a) => `ERROR 500 returned for ${a.endpoint}: internal error`,
  () => 'ERROR worker pool has 0 workers; queue depth growing',
  () => 'ERROR failed to start consumer: invalid argument',
  () => 'ERROR request handler panicked: nil map assignment',
  (rng) => `ERROR ${rng.int(40, 95)}% of requests failing since the last change`,
];

interface Thresholds {
  heap: number;
  disk: number;
  pool: number;
}
const THRESHOLD_LINES: ((t: Thresholds) => string)[] = [
  (t) =>
    `Runbook alert thresholds: heap after GC ${t.heap}%, disk usage ${t.disk}%, database connection pool ${t.pool}% of its maximum.`,
  (t) =>
    `The runbook pages when the heap stays above ${t.heap}% after a collection, a volume passes ${t.disk}% or a connection pool passes ${t.pool}% in use.`,
  (t) =>
    `Alerting limits for this estate (runbook): memory ${t.heap} percent post-GC, disks ${t.disk} percent full, db pools ${t.pool} percent busy.`,
  (t) =>
    `Thresholds agreed with the SRE team: a pool over ${t.pool}% of max, a disk over ${t.disk}% or a heap over ${t.heap}% after GC counts as a fault.`,
];

type Kind = 'heap' | 'disk' | 'pool';
const KIND_WORDS: Record<Kind, string[]> = {
  heap: ['heap after GC', 'memory'],
  disk: ['disk usage', 'volume usage'],
  pool: ['connection pool', 'db pool'],
};
const OVERRIDE_LINES: ((items: { s: string; kind: string; v: number }[]) => string)[] = [
  (items) => `Exceptions: ${items.map((i) => `${i.s} pages at ${i.v}% ${i.kind}`).join('; ')}.`,
  (items) =>
    `Per-service overrides in the runbook: ${items.map((i) => `${i.kind} for ${i.s} at ${i.v}%`).join(', ')}.`,
  (items) => items.map((i) => `Note that ${i.s} has its own ${i.kind} limit of ${i.v}%.`).join(' '),
];

/** Gauge readings: the frame a build-up uses, and healthy readings elsewhere. */
type Gauge = (v: number, mount: string) => string;
const HEAP_GAUGES: Gauge[] = [
  (v) => `WARN  heap usage ${v}% after full GC`,
  (v) => `INFO  gc: old gen at ${v}% of max after collection`,
  (v) => `INFO  memory: heap ${v}% used after GC, pauses 400ms`,
  (v) => `DEBUG jvm.heap.after_gc=${v}%`,
  (v) => `INFO  node heap at ${v}% (post-GC)`,
];
const DISK_GAUGES: Gauge[] = [
  (v, m) => `WARN  disk usage on ${m} at ${v}%`,
  (v, m) => `INFO  df: ${m} ${v}% full`,
  (v, m) => `INFO  volume ${m} ${v}% used, compaction behind`,
  (v, m) => `DEBUG storage.used_pct{mount="${m}"}=${v}`,
];
const POOL_GAUGES: Gauge[] = [
  (v) => `WARN  connection pool near capacity (active=${Math.round(v / 2)}/50)`,
  (v) => `INFO  db pool: ${v} of 100 connections in use`,
  (v) => `INFO  hikari stats total=100 active=${v} idle=${100 - v}`,
  (v) => `DEBUG pgbouncer cl_active=${Math.round(v * 2)} maxclient=200`,
];

type Follow = (rng: Rng) => string;
const FOLLOW: Record<'db_connection_exhaustion' | 'memory_leak' | 'disk_full', Follow[]> = {
  db_connection_exhaustion: [
    () => 'ERROR connection pool exhausted, request waited 3000ms',
    () => 'ERROR could not acquire connection: timeout after 3000ms',
    () => 'ERROR FATAL: sorry, too many clients already (SQLSTATE 53300)',
    () => 'ERROR Timeout waiting for idle object in pool',
    () => 'ERROR no free connection in 5s, 240 requests queued',
  ],
  memory_leak: [
    () => 'ERROR GC overhead limit exceeded',
    () => 'FATAL container killed: OOMKilled (limit 2Gi)',
    () => 'ERROR java.lang.OutOfMemoryError: Java heap space',
    () => 'WARN  pod restarted by kubelet: exit code 137',
    () => 'ERROR allocation failed: out of memory',
  ],
  disk_full: [
    () => 'ERROR write failed: No space left on device',
    () => 'ERROR flushing write-ahead log failed: ENOSPC',
    () => 'ERROR could not write temp file: disk quota exceeded',
    () => 'FATAL log segment append failed: device full',
    () => 'ERROR compaction aborted, 0 bytes free',
  ],
};

type Onset = (x: string, rng: Rng) => string;
const ONSET: Record<
  'certificate_expiry' | 'dns_failure' | 'dependency_rate_limit',
  { first: Onset[]; next: Onset[] }
> = {
  certificate_expiry: {
    first: [
      (x) => `ERROR TLS handshake with ${x} failed: certificate has expired`,
      (x) => `ERROR x509: certificate has expired or is not yet valid (${x})`,
      (x) => `ERROR SSL routines: certificate verify failed for ${x}`,
      (x, rng) =>
        `ERROR PKIX path validation failed for ${x}: NotAfter 2026-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(10, 28))}`,
      (x) => `ERROR mTLS: our client certificate was rejected by ${x} (expired)`,
    ],
    next: [
      () => 'WARN  retrying upstream connection (attempt 3/3)',
      () => 'ERROR handshake failure, peer closed connection',
      (x) => `ERROR secure channel to ${x} could not be established`,
    ],
  },
  dns_failure: {
    first: [
      (x) => `ERROR getaddrinfo ENOTFOUND ${x}`,
      (x) => `ERROR lookup ${x}: no such host`,
      (x) => `ERROR name resolution failed for ${x} (SERVFAIL)`,
      (x) => `ERROR java.net.UnknownHostException: ${x}`,
      (x) => `ERROR resolver timeout for ${x} after 5s`,
    ],
    next: [
      () => 'ERROR name resolution failed for upstream, using no fallback',
      (x) => `WARN  circuit breaker opened for ${x} after 20 failures`,
      () => 'WARN  dns cache empty, retrying resolve',
    ],
  },
  dependency_rate_limit: {
    first: [
      (x) => `WARN  ${x} API returned 429 Too Many Requests`,
      (x) => `WARN  ${x}: rate limit reached (x-ratelimit-remaining: 0)`,
      (x) => `ERROR ${x} throttled the request: quota exceeded`,
      (x) => `WARN  slow down: ${x} asked us to retry after 60s`,
      (x) => `ERROR ${x} rejected call: monthly request quota used up`,
    ],
    next: [
      () => 'ERROR upstream quota exhausted; requests rejected until reset',
      () => 'WARN  backing off for 60s after repeated 429s',
      (x) => `ERROR ${x} call dropped: too many requests`,
    ],
  },
};

type Symptom = (ref: string, rng: Rng) => string;
const SYMPTOMS: Symptom[] = [
  (r, rng) => `ERROR upstream ${r} timed out after ${rng.pick([2000, 3000, 5000])}ms`,
  (r) => `ERROR 503 from ${r}: service unavailable`,
  (r, rng) => `WARN  p99 latency ${rng.int(4, 12)}.${rng.int(0, 9)}s on calls to ${r}`,
  (r) => `ERROR request failed: ${r} returned 500`,
  (r) => `WARN  retry budget exhausted for ${r}`,
  (r) => `ERROR connection pool exhausted waiting on ${r}`,
  (r) => `WARN  circuit breaker open for ${r}`,
  (r) => `ERROR read ECONNRESET from ${r}`,
  (r) => `ERROR gave up on ${r} after 3 attempts`,
  (r) => `WARN  queue backing up: ${r} not acknowledging`,
  (r) => `ERROR dependency ${r} unhealthy, serving stale data`,
  (r) => `ERROR deadline exceeded calling ${r}`,
];

const ROUTINE: ((rng: Rng, t: Thresholds) => string)[] = [
  () => 'INFO  health check ok',
  (rng) => `INFO  processed ${rng.int(800, 2400)} requests in the last minute`,
  (rng) => `INFO  cache hit ratio 0.${rng.int(80, 98)}`,
  () => 'DEBUG config value FEATURE_NEW_CART=false',
  (rng) => `INFO  scheduled job completed in ${rng.int(120, 900)}ms`,
  () => 'INFO  autoscaler: 4 replicas, target 4',
  (rng) => `INFO  TLS certificate renewed; next expiry in ${rng.int(30, 89)} days`,
  (rng) => `INFO  resolved ${rng.pick(EXTERNAL_HOSTS)} in ${rng.int(1, 9)}ms`,
  (rng, t) => `INFO  disk check ok: ${rng.pick(MOUNTS)} ${rng.int(20, t.disk - 15)}% used`,
  (rng, t) => `INFO  connection pool healthy (active=${rng.int(3, Math.floor(t.pool / 4))}/50)`,
  (rng) => `INFO  ${rng.pick(PROVIDERS)} quota at ${rng.int(5, 40)}% for the hour`,
  () => 'INFO  no deploys pending for this service',
];

/** What a struggling caller logs without naming what it waits for. */
const CASCADE: ((rng: Rng) => string)[] = [
  (rng) => `WARN  request queue at ${rng.int(300, 900)}, shedding load`,
  (rng) => `ERROR ${rng.int(20, 90)} requests failed in the last minute`,
  () => 'WARN  thread pool saturated (200/200 busy)',
  () => 'ERROR readiness probe failing: dependency check red',
  (rng) => `WARN  error budget burn ${rng.int(6, 20)}x`,
  (rng) => `ERROR ${rng.int(10, 80)} user sessions aborted mid-flow`,
  () => 'WARN  falling back to degraded mode',
  (rng) => `ERROR p95 ${rng.int(3, 9)}s, SLO breached`,
];

/** The words of a fault in a line that is not one (a reminder, a blip that was retried). */
const NEAR_MISS: ((rng: Rng) => string)[] = [
  (rng) => `WARN  ${rng.pick(PROVIDERS)} returned 429 once; retry succeeded`,
  (rng) =>
    `WARN  certificate for ${rng.pick(EXTERNAL_HOSTS)} expires in ${rng.int(9, 40)} days, renewal ticket open`,
  (rng) => `WARN  slow DNS answer for ${rng.pick(EXTERNAL_HOSTS)} (${rng.int(300, 900)}ms), cached`,
  () => 'WARN  one connection in the pool was stale and replaced',
  (rng) => `WARN  GC pause ${rng.int(200, 600)}ms (young gen), heap fine`,
  () => 'ERROR one write retried after a transient I/O error; no data lost',
  (rng) => `WARN  rate limiter close to quota (${rng.int(70, 85)}%) for ${rng.pick(PROVIDERS)}`,
  () => 'ERROR TLS handshake from a scanner rejected (unknown client)',
];

/** A caller riding out a dependency's trouble without harm. */
const ABSORBED: Symptom[] = [
  (r) => `INFO  ${r} slow, answered from cache (no user impact)`,
  (r) => `WARN  fallback for ${r} in use; responses complete`,
  (r, rng) => `INFO  ${rng.int(2, 9)} calls to ${r} retried and succeeded`,
  (r) => `INFO  stale-while-revalidate serving ${r} data, all requests ok`,
  (r) => `WARN  ${r} degraded but within our timeout budget`,
];

/** A proxy on the way to the failing service, which only passed the failure on. */
const VIAS: ((r: string) => string)[] = [
  (r) => `(via ${r})`,
  (r) => `[routed through ${r}]`,
  (r) => `(proxy ${r} passed it on)`,
  (r) => `- hop: ${r}`,
];

/** Healthy calls to another service, named the way the client names it (not a symptom). */
const HEALTHY_CALLS: Symptom[] = [
  (r, rng) => `INFO  calls to ${r}: 200 OK, p50 ${rng.int(8, 60)}ms`,
  (r) => `DEBUG connection to ${r} reused from pool`,
  (r, rng) => `INFO  ${r} answered ${rng.int(200, 900)} requests, 0 errors`,
  (r) => `INFO  warmed client for ${r}`,
];

const UNRELATED: ((rng: Rng) => string)[] = [
  (rng) => `ERROR failed to send weekly digest email to ${rng.int(2, 9)} recipients (bounced)`,
  (rng) => `WARN  slow query on reports_monthly took ${rng.int(2, 9)}.${rng.int(0, 9)}s`,
  () => 'ERROR job export-csv failed: report template missing column "region"',
  (rng) => `WARN  deprecated API version v1 called by client mobile-ios-${rng.int(3, 6)}.${rng.int(0, 9)}`,
  () => 'ERROR thumbnail render failed for 1 image (unsupported format)',
  (rng) => `WARN  user ${rng.int(1000, 9999)} exceeded the login attempts limit`,
  () => 'ERROR webhook to partner CRM returned 400 (payload schema)',
];

/** The alert, naming the service it fired on the way the monitoring tool names it. */
const INCIDENTS: ((r: string) => string)[] = [
  (r) => `Error rate above 5% on ${r} for 10 minutes`,
  (r) => `PagerDuty: elevated 5xx from ${r}`,
  (r) => `Synthetic probe failing against ${r}`,
  (r) => `Latency SLO burn rate over 10x on ${r}`,
  (r) => `Customers report failed orders; the first alert came from ${r}`,
  (r) => `Support queue flooded; the dashboards show ${r} in red`,
  (r) => `Abandoned baskets spiking, alert raised on ${r}`,
  (r) => `On-call paged: health checks of ${r} failing`,
];

const CALENDAR_HEADERS = [
  'Change calendar for today:',
  'Changes in the last 24 h:',
  'Recent change tickets:',
  'Change log (from the CAB tool):',
];

interface Event {
  t: number;
  service: string;
  text: string;
  causal: boolean;
}

function stamp(t: number): string {
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A typo a tired engineer's logger would never make, but a paraphrasing pipeline must survive. */
const PROTECTED = new Set([
  ...SERVICES,
  ...SERVICES.map((x) => x.charAt(0).toUpperCase() + x.slice(1)),
  ...TEAMS,
]);

/** Swaps two letters of a word (never a service's name), or of two words. */
function typo(rng: Rng, text: string): string {
  const once = rng.chance(0.7);
  const out = typoOnce(rng, text);
  return once ? out : typoOnce(rng, out);
}

function typoOnce(rng: Rng, text: string): string {
  return rng.pick([swapTypo, dropTypo, doubleTypo, neighbourTypo])(rng, text);
}

/**
 * One change in a word after the first (4+ letters, maybe ending in punctuation, never a service's
 * name), at a letter drawn from 1 to the length of `span` less 2 (the word without its punctuation,
 * but for a swap).
 */
function typoWord(
  rng: Rng,
  text: string,
  change: LetterEdit,
  span: (w: string) => string = (w) => w.replace(/[.,;:]$/, ''),
): string {
  const words = text.split(' ');
  const candidates = words
    .map((_w, i) => i)
    .filter(
      (i) =>
        i > 0 && /^[a-zA-Z]{4,}[.,;:]?$/.test(words[i]!) && !PROTECTED.has(words[i]!.replace(/[.,;:]$/, '')),
    );
  if (candidates.length === 0) return text;
  const i = rng.pick(candidates);
  const w = words[i]!;
  words[i] = change(w, rng.int(1, span(w).length - 2));
  return words.join(' ');
}
const swapTypo = (rng: Rng, text: string) => typoWord(rng, text, swapLetters, (w) => w);
const dropTypo = (rng: Rng, text: string) => typoWord(rng, text, dropLetter);
const doubleTypo = (rng: Rng, text: string) => typoWord(rng, text, doubleLetter);
const neighbourTypo = (rng: Rng, text: string) => typoWord(rng, text, neighbourKey(NEIGHBOURS));

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

export const generate: Generate<Input, Expected> = (rng, _index, set: CaseSet) => {
  // Families: the public cases show some, the hidden cases others.
  const refs = set.families('ref', REFS, { public: 2 });
  const directories = set.families('directory', DIRECTORY, { public: 2 });
  const changeLines = set.families('change-line', CHANGE_LINES, { public: 2 });
  const deployChanges = set.families('deploy-change', DEPLOY_CHANGES, { public: 2 });
  const configChanges = set.families('config-change', CONFIG_CHANGES, { public: 2 });
  const afterChange = set.families('after-change', AFTER_CHANGE, { public: 2 });
  const thresholdLines = set.families('thresholds', THRESHOLD_LINES, { public: 1 });
  const overrideLines = set.families('overrides', OVERRIDE_LINES, { public: 1 });
  const reapplies = set.families('reapply', REAPPLY, { public: 2 });
  const benignChanges = set.families('benign', BENIGN_CHANGES, { public: 2 });
  const heapGauges = set.families('heap', HEAP_GAUGES, { public: 2 });
  const diskGauges = set.families('disk', DISK_GAUGES, { public: 2 });
  const poolGauges = set.families('pool', POOL_GAUGES, { public: 2 });
  const symptoms = set.families('symptom', SYMPTOMS, { public: 4 });
  const cascades = set.families('cascade', CASCADE, { public: 3 });
  const nearMisses = set.families('near-miss', NEAR_MISS, { public: 3 });
  const absorbed = set.families('absorbed', ABSORBED, { public: 2 });
  const vias = set.families('via', VIAS, { public: 1 });
  const routines = set.families('routine', ROUTINE, { public: 6 });
  const unrelated = set.families('unrelated', UNRELATED, { public: 3 });
  const incidents = set.families('incident', INCIDENTS, { public: 3 });
  const calendarHeaders = set.families('calendar', CALENDAR_HEADERS, { public: 2 });
  const follows = {
    db_connection_exhaustion: set.families('follow-db', FOLLOW.db_connection_exhaustion, { public: 2 }),
    memory_leak: set.families('follow-mem', FOLLOW.memory_leak, { public: 2 }),
    disk_full: set.families('follow-disk', FOLLOW.disk_full, { public: 2 }),
  };
  const onsets = {
    certificate_expiry: {
      first: set.families('cert', ONSET.certificate_expiry.first, { public: 2 }),
      next: ONSET.certificate_expiry.next,
    },
    dns_failure: {
      first: set.families('dns', ONSET.dns_failure.first, { public: 2 }),
      next: ONSET.dns_failure.next,
    },
    dependency_rate_limit: {
      first: set.families('ratelimit', ONSET.dependency_rate_limit.first, { public: 2 }),
      next: ONSET.dependency_rate_limit.next,
    },
  };
  const typoRate = set.kind === 'hidden' ? 0.45 : 0.1;
  const proseTypoRate = set.kind === 'hidden' ? 0.3 : 0;

  const services = rng.sample(SERVICES, rng.int(6, 9));
  const root = services[0]!;
  const failure = rng.pick(FAILURE_TYPES);
  const nDown = rng.int(2, 3);
  const downstream = services.slice(1, 1 + nDown);
  const hasDecoy = rng.chance(0.9);
  const decoy = hasDecoy ? services[1 + nDown]! : undefined;
  const others = services.slice(1 + nDown + (hasDecoy ? 1 : 0));
  const thresholds: Thresholds = { heap: rng.int(78, 90), disk: rng.int(85, 94), pool: rng.int(80, 92) };
  // Per-service exceptions to the thresholds: a lower one for the root cause's gauge now and then,
  // higher ones for bystanders whose readings are over the default but within their own limit.
  const overrides = new Map<string, { kind: Kind; v: number }>();
  const kindOf = (type: FailureType): Kind | undefined =>
    type === 'memory_leak'
      ? 'heap'
      : type === 'disk_full'
        ? 'disk'
        : type === 'db_connection_exhaustion'
          ? 'pool'
          : undefined;
  {
    const k = kindOf(failure);
    if (k && rng.chance(0.5)) overrides.set(root, { kind: k, v: thresholds[k] - rng.int(5, 12) });
    for (const s of rng.sample(others, Math.min(others.length, rng.int(0, 2)))) {
      const kind = rng.pick(['heap', 'disk', 'pool'] as const);
      overrides.set(s, { kind, v: Math.min(98, thresholds[kind] + rng.int(4, 8)) });
    }
  }
  const limitOf = (s: string, kind: Kind) =>
    overrides.get(s)?.kind === kind ? overrides.get(s)!.v : thresholds[kind];

  const alias = new Map<string, Alias>();
  const teams = rng.shuffle(TEAMS);
  const usedPools = new Set<string>();
  const domain = rng.pick(DOMAINS);
  for (const s of services) {
    let pool = '';
    do pool = `${rng.pick(POOL_WORDS)}-${rng.pick(REGIONS)}-${rng.int(1, 9)}`;
    while (usedPools.has(pool));
    usedPools.add(pool);
    alias.set(s, {
      host: `${rng.pick(['svc', 'app', 'k8s', 'node', 'pod', 'vm'])}-${hex(rng, 4)}.${domain}`,
      ip: `10.${rng.int(0, 40)}.${rng.int(0, 255)}.${rng.int(2, 250)}:${rng.pick([443, 8080, 8443, 9090, 5432, 6379])}`,
      endpoint: `${rng.pick(['GET', 'POST', 'PUT'])} /v${rng.int(1, 3)}/${rng.pick(RESOURCES)}/${hex(rng, 2)}`,
      pool,
      team: teams.pop()!,
    });
  }

  // Who calls whom: the downstream services call the root cause (or the one before them).
  const upstreamOf = new Map<string, string>();
  downstream.forEach((s, i) => {
    upstreamOf.set(s, i > 0 && rng.chance(0.4) ? downstream[i - 1]! : root);
  });
  const callers = new Map<string, string[]>(services.map((s) => [s, []]));
  for (const [s, up] of upstreamOf) callers.get(up)!.push(s);
  // Quiet callers of the decoy and of bystanders: they log nothing about it (the decoy's fault
  // was absorbed by a cache or a retry), so no error points at the decoy.
  const quiet = [...others];
  // The decoy's story: an earlier blip its callers complained about, a fault at the same time as the
  // root cause's that the callers it shares with the root cause absorbed (a cache, a fallback), or
  // a fault nobody noticed.
  // …or a second, unrelated failure with callers of its own that complain loudly, but whose errors
  // never reach the service the alert fired on.
  const decoyMode =
    others.length > 0
      ? rng.weighted(['early', 'shared', 'quiet', 'second'] as const, [0.2, 0.25, 0.15, 0.4])
      : rng.weighted(['early', 'shared', 'quiet', 'second'] as const, [0.4, 0.4, 0.2, 0]);
  const sharedCallers =
    decoy && decoyMode === 'shared' ? rng.sample(downstream, rng.int(1, downstream.length)) : [];
  // The alert fired on the end of the root cause's chain: a downstream service nothing else here
  // reaches through. With a second failure, it calls the decoy too, and rides that one out.
  const leaves = downstream.filter((d) => ![...upstreamOf.values()].includes(d));
  const alerted = rng.pick(leaves.length ? leaves : downstream);
  if (decoy && decoyMode === 'second' && rng.chance(0.6)) sharedCallers.push(alerted);
  const secondCallers =
    decoy && decoyMode === 'second' ? rng.sample(others, Math.min(others.length, rng.int(1, 2))) : [];
  if (decoy) for (const c of [...sharedCallers, ...secondCallers]) callers.get(decoy)!.push(c);
  if (decoy && decoyMode !== 'second' && quiet.length > 0 && (decoyMode === 'early' || rng.chance(0.5)))
    callers.get(decoy)!.push(rng.pick(quiet));
  for (const s of others)
    if (rng.chance(0.5)) {
      const target = rng.pick(services.filter((x) => x !== s && x !== root && !downstream.includes(x)));
      if (!callers.get(target)!.includes(s)) callers.get(target)!.push(s);
    }
  // Occasionally a bystander also calls the root cause, through a path that did not fail.
  if (others.length > 0 && rng.chance(0.3)) callers.get(root)!.push(rng.pick(others));

  const dir = rng.pick(directories);
  const entries = new Map<string, string>();
  for (const s of rng.shuffle(services)) {
    const cs = callers.get(s)!;
    const shuffled = rng.shuffle(cs);
    const text = shuffled.length ? joinAnd(shuffled) : rng.pick(NO_CALLERS);
    const others = services.filter((x) => x !== s).map((x): [string, Alias] => [x, alias.get(x)!]);
    let entry = dir.entry(s, alias.get(s)!, text, shuffled, rng, others);
    if (!dir.joiner && rng.chance(0.35)) {
      const [o, oa] = rng.pick(others);
      const note = rng.pick([
        `(its old address ${oa.ip} now belongs to ${o})`,
        `(not to be confused with ${o} behind pool ${oa.pool})`,
        `(${o}'s route ${oa.endpoint} used to live here)`,
        `(shares the on-call rota with team ${oa.team}, who run ${o})`,
      ]);
      entry = dir.header[0]!.startsWith('|') ? `${entry}\n|  | ${note} |  |  |  |  |  |` : `${entry} ${note}`;
    }
    if (rng.chance(proseTypoRate)) entry = typo(rng, entry);
    entries.set(s, entry);
  }
  const directoryText = `${rng.pick(dir.header)}\n${[...entries.values()].join(dir.joiner ?? '\n')}`;

  const start = rng.int(8, 20) * 3600 + rng.int(0, 3599);
  const onset = start + rng.int(520, 820);
  const end = onset + rng.int(480, 900);
  const events: Event[] = [];
  const push = (t: number, service: string, text: string, causal = false) =>
    events.push({ t, service, text: rng.chance(typoRate) ? typo(rng, text) : text, causal });
  const routine = (service: string, from: number, to: number, n: number) => {
    for (let i = 0; i < n; i++) push(rng.int(from, to), service, rng.pick(routines)(rng, thresholds));
  };

  // The change calendar: the root cause's change (for a bad deploy or a configuration error), and
  // healthy or irrelevant changes of other services, each logged by its service.
  const calendar: { id: string; service: string; text: string; t: number }[] = [];
  const changeId = () => `CHG-${rng.int(1000, 9999)}`;
  let rootChangeEntry: string[] | undefined;

  /** The fault sequence of a service from time t; returns its causal lines' texts. */
  const fault = (service: string, type: FailureType, t0: number, causal: boolean): string[] | undefined => {
    let t = t0;
    const a = alias.get(service)!;
    let entry: string[] | undefined;
    const step = () => {
      t += rng.int(20, 90);
    };
    if (type === 'memory_leak' || type === 'disk_full' || type === 'db_connection_exhaustion') {
      const kind = kindOf(type)!;
      const gauges = kind === 'heap' ? heapGauges : kind === 'disk' ? diskGauges : poolGauges;
      const limit = limitOf(service, kind);
      const gauge = rng.pick(gauges);
      const mount = rng.pick(MOUNTS);
      // Readings below the threshold first (not yet the fault), then the first one at or over it.
      let v = limit - rng.int(6, 14);
      let tb = t0 - rng.int(60, 200);
      for (let k = rng.int(1, 2); k > 0; k--) {
        push(tb, service, gauge(v, mount));
        v += rng.int(2, 4);
        tb += rng.int(20, 50);
        if (v >= limit) v = limit - 1;
      }
      push(t, service, gauge(limit + rng.int(0, 5), mount), causal);
      const pool = rng.shuffle(follows[type]);
      for (const f of pool.slice(0, 2)) {
        step();
        push(t, service, f(rng), causal);
      }
    } else if (type === 'bad_deploy' || type === 'config_error') {
      const id = changeId();
      let text = rng.pick(type === 'bad_deploy' ? deployChanges : configChanges)(rng);
      if (rng.chance(proseTypoRate)) text = typo(rng, text);
      entry = [];
      if (rng.chance(0.4)) {
        // The entry only names the change it repeats; that one, on another service, says what it was.
        const first = changeId();
        const elsewhere = rng.pick(services.filter((x) => x !== service));
        const earlier = `${first} (${elsewhere}, yesterday): ${text}; rolled out there without trouble.`;
        calendar.push({ id: first, service: elsewhere, text: earlier, t: t - 86400 });
        text = rng.pick(reapplies)(first, service);
        entry.push(earlier);
      }
      const own = `${id} (${service}, ${stamp(t - rng.int(60, 600))} window): ${text}.`;
      calendar.push({ id, service, text: own, t });
      entry.unshift(own);
      push(t, service, rng.pick(changeLines)(id), causal);
      for (const f of rng.shuffle(afterChange).slice(0, 2)) {
        step();
        push(t, service, f(rng, a), causal);
      }
    } else {
      const x = type === 'dependency_rate_limit' ? rng.pick(PROVIDERS) : rng.pick(EXTERNAL_HOSTS);
      const o = onsets[type];
      push(t, service, rng.pick(o.first)(x, rng), causal);
      for (const f of rng.shuffle(o.next).slice(0, 2)) {
        step();
        push(t, service, f(x, rng), causal);
      }
    }
    return entry;
  };

  // The root cause: routine lines, then the failure from `onset`.
  routine(root, start, onset - 5, rng.int(2, 4));
  for (let k = rng.weighted([0, 1, 2], [0.3, 0.5, 0.2]); k > 0; k--)
    push(rng.int(start, onset - 5), root, rng.pick(nearMisses)(rng));
  rootChangeEntry = fault(root, failure, onset, true);
  routine(root, onset + 200, end, rng.int(0, 2));
  const firstCausalIndex = () => events.findIndex((e) => e.causal);

  // Symptoms: services that call the failing one, after it failed; a chain passes it on.
  const failedAt = new Map<string, number>([[root, onset]]);
  for (const s of downstream) {
    const up = upstreamOf.get(s)!;
    routine(s, start, onset, rng.int(1, 3));
    let t = failedAt.get(up)! + rng.int(30, 150);
    failedAt.set(s, t);
    const ref = rng.pick(refs);
    // Some callers name what they wait for, some only say that they struggle.
    const naming = sharedCallers.includes(s)
      ? rng.pick([1, 0.5])
      : rng.weighted([1, 0.5, 0], [0.25, 0.3, 0.45]);
    // Waiting on a failed upstream, its own pool or heap gives out too, sometimes before it says why.
    const ownWords = rng.chance(0.55);
    const kind = rng.pick(['db_connection_exhaustion', 'memory_leak'] as const);
    const ownAt = t + (rng.chance(0.5) ? rng.int(5, 40) : rng.int(150, 300));
    if (ownWords) {
      if (rng.chance(0.5))
        push(
          ownAt - 3,
          s,
          rng.pick(kind === 'memory_leak' ? heapGauges : poolGauges)(
            limitOf(s, kind === 'memory_leak' ? 'heap' : 'pool') + rng.int(1, 6),
            rng.pick(MOUNTS),
          ),
        );
      push(ownAt, s, rng.pick(follows[kind])(rng));
    }
    for (let k = rng.int(2, 4); k > 0; k--) {
      if (rng.chance(naming)) {
        const line = rng.pick(symptoms)(ref(up, alias.get(up)!), rng);
        // Calls that go through a proxy name it too; the proxy only passed the failure on.
        const proxy = others.length && rng.chance(0.3) ? rng.pick(others) : undefined;
        push(t, s, proxy ? `${line} ${rng.pick(vias)(rng.pick(refs)(proxy, alias.get(proxy)!))}` : line);
      } else push(t, s, rng.pick(cascades)(rng));
      t += rng.int(15, 120);
    }
  }

  // The decoy: a fault of its own, of another type, before or during the incident, which nothing
  // depends on in a way that failed; it often recovers.
  if (decoy) {
    routine(decoy, start, end, rng.int(1, 3));
    const type = rng.pick(FAILURE_TYPES.filter((f) => f !== failure));
    const early = decoyMode === 'early';
    const t0 = early
      ? rng.int(start + 200, onset - 280)
      : decoyMode === 'shared'
        ? onset - rng.int(30, 200)
        : decoyMode === 'second'
          ? onset + rng.int(-150, 150)
          : rng.int(onset - 60, onset + 240);
    fault(decoy, type, t0, false);
    failedAt.set(decoy, t0);
    if (early || (decoyMode !== 'second' && rng.chance(0.5)))
      push(
        t0 + rng.int(200, 260),
        decoy,
        rng.pick([
          'INFO  recovered, error rate back to 0%',
          'INFO  self-healed after restart',
          'INFO  back within limits',
        ]),
      );
    // An earlier, resolved blip: its callers complained while it lasted, then stopped.
    if (early)
      for (const c of callers.get(decoy)!) {
        const ref = rng.pick(refs)(decoy, alias.get(decoy)!);
        push(t0 + rng.int(20, 90), c, rng.pick(symptoms)(ref, rng));
        if (rng.chance(0.5)) push(t0 + rng.int(100, 180), c, rng.pick(symptoms)(ref, rng));
      }
  }

  // The second failure's callers: as loud as the incident's, about the decoy.
  if (decoy)
    for (const c of secondCallers) {
      const t1 = failedAt.get(decoy)!;
      const ref = rng.pick(refs);
      let t = t1 + rng.int(30, 150);
      for (let k = rng.int(2, 4); k > 0; k--) {
        if (k === 1 || rng.chance(0.6)) push(t, c, rng.pick(symptoms)(ref(decoy, alias.get(decoy)!), rng));
        else push(t, c, rng.pick(cascades)(rng));
        t += rng.int(15, 120);
      }
    }

  // The shared callers absorb the decoy's fault: they say so, in their own words.
  if (decoy)
    for (const c of sharedCallers) {
      const ref = rng.pick(refs)(decoy, alias.get(decoy)!);
      push(onset + rng.int(0, 200), c, rng.pick(absorbed)(ref, rng));
    }

  // Healthy calls along the call graph, named as the caller's client names them.
  for (const [service, cs] of callers)
    for (const c of cs)
      if (rng.chance(0.6)) {
        const ref = rng.pick(refs)(service, alias.get(service)!);
        const quietUntil = downstream.includes(c) ? onset : end;
        push(rng.int(start, quietUntil), c, rng.pick(HEALTHY_CALLS)(ref, rng));
      }

  // Bystanders: routine lines, sometimes an unrelated error, sometimes a healthy change.
  for (const s of others) {
    routine(s, start, end, rng.int(2, 4));
    if (rng.chance(0.5)) push(rng.int(start, end), s, rng.pick(unrelated)(rng));
    if (rng.chance(0.4)) push(rng.int(start, end), s, rng.pick(nearMisses)(rng));
    // Healthy readings of the gauges a build-up uses, below their thresholds.
    if (rng.chance(0.6)) {
      const [gauges, limit] = rng.pick([
        [heapGauges, thresholds.heap],
        [diskGauges, thresholds.disk],
        [poolGauges, thresholds.pool],
      ] as const);
      push(rng.int(start, end), s, rng.pick(gauges)(limit - rng.int(3, 30), rng.pick(MOUNTS)));
    }
    // Over the default threshold, but within this service's own limit.
    const own = overrides.get(s);
    if (own) {
      const gauges = own.kind === 'heap' ? heapGauges : own.kind === 'disk' ? diskGauges : poolGauges;
      push(
        rng.int(start, end),
        s,
        rng.pick(gauges)(rng.int(thresholds[own.kind], own.v - 1), rng.pick(MOUNTS)),
      );
    }
    if (rng.chance(0.35)) {
      const id = changeId();
      const t = rng.int(start, end);
      calendar.push({
        id,
        service: s,
        text: `${id} (${s}, ${stamp(t - rng.int(60, 600))} window): ${rng.pick(benignChanges)(rng)}.`,
        t,
      });
      push(t, s, rng.pick(changeLines)(id));
    }
  }

  events.sort((a, b) => a.t - b.t || a.service.localeCompare(b.service));
  const ids = events.map((_, i) => `e${String(i + 1).padStart(3, '0')}`);
  const order = rng.shuffle(services);
  const logs: ServiceLog[] = order.map((service) => ({
    service,
    lines: events
      .map((e, i) => (e.service === service ? `[${service}] ${ids[i]} ${stamp(e.t)} ${e.text}` : ''))
      .filter(Boolean)
      .join('\n'),
  }));
  const firstCausal = ids[firstCausalIndex()]!;

  const thresholdText = rng.pick(thresholdLines)(thresholds);
  const overrideItems = rng
    .shuffle([...overrides])
    .map(([s, o]) => ({ s, kind: rng.pick(KIND_WORDS[o.kind]), v: o.v }));
  const overrideText = overrideItems.length ? rng.pick(overrideLines)(overrideItems) : '';
  const calendarText = calendar.length
    ? `${rng.pick(calendarHeaders)}\n${rng
        .shuffle(calendar)
        .map((c) => `- ${c.text}`)
        .join('\n')}`
    : `${rng.pick(calendarHeaders)}\n- none recorded`;
  const alertAt = stamp(failedAt.get(alerted)! + rng.int(60, 180));
  const alertLine = `${rng.pick(incidents)(rng.pick(refs)(alerted, alias.get(alerted)!))} (alert at ${alertAt}).`;
  const incident = [
    alertLine,
    directoryText,
    calendarText,
    overrideText ? `${thresholdText}\n${overrideText}` : thresholdText,
  ].join('\n\n');

  const buildUp =
    failure === 'memory_leak' || failure === 'disk_full' || failure === 'db_connection_exhaustion';
  const rootEvidence: Record<string, string[]> = { role: [alertLine, entries.get(root)!] };
  if (rootChangeEntry) {
    rootEvidence.failure_type = rootChangeEntry;
    rootEvidence.first_event = [rootChangeEntry[0]!];
  } else if (buildUp)
    rootEvidence.first_event = overrides.has(root) ? [thresholdText, overrideText] : [thresholdText];

  const facts = logs.map((log) => {
    if (log.service === root)
      return {
        id: log.service,
        text: log.lines,
        answers: { role: 'root_cause', failure_type: failure, first_event: firstCausal },
        evidence: rootEvidence,
      };
    if (log.service === decoy)
      return {
        id: log.service,
        text: log.lines,
        answers: { role: 'unaffected' },
        evidence: { role: [alertLine, entries.get(decoy)!] },
      };
    return {
      id: log.service,
      text: log.lines,
      answers: { role: downstream.includes(log.service) ? 'downstream' : 'unaffected' },
    };
  });
  return {
    input: { incident, logs },
    expected: { root_cause_service: root, failure_type: failure, first_causal_event: firstCausal },
    facts,
  };
};
