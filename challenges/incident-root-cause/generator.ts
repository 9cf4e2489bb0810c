import type { Generate, Rng } from '@reps/engine';

/**
 * An incident window pulled from the log aggregator: one block of log lines per service, every
 * line with an event id in time order. One service failed first (the root cause); services that
 * depend on it log timeouts and 5xx errors a little later (symptoms); others log routine lines and
 * sometimes an unrelated error of their own, occasionally before the incident starts.
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

const SERVICES = [
  'api-gateway',
  'checkout',
  'payments',
  'orders-db',
  'inventory',
  'auth',
  'search',
  'notifications',
  'pricing',
  'shipping',
  'recommendations',
  'batch-reports',
];

/** Lines a failing service logs, first the causal event, then its consequences. */
const FAILURES: Record<FailureType, (rng: Rng) => string[]> = {
  db_connection_exhaustion: (rng) => [
    `WARN  connection pool near capacity (active=${rng.int(45, 49)}/50)`,
    'ERROR connection pool exhausted (active=50/50), request waited 3000ms',
    'ERROR could not acquire connection: timeout after 3000ms',
  ],
  memory_leak: (rng) => [
    `WARN  heap usage ${rng.int(85, 92)}% after full GC`,
    'ERROR GC overhead limit exceeded',
    'FATAL container killed: OOMKilled (limit 2Gi)',
  ],
  bad_deploy: (rng) => [
    `INFO  deployed version v${rng.int(2, 5)}.${rng.int(0, 30)}.${rng.int(0, 9)} (rolling, 3 pods)`,
    'ERROR NullPointerException at PriceRuleEngine.apply(PriceRuleEngine.java:212)',
    'ERROR 500 returned for POST /quote: unhandled exception',
  ],
  certificate_expiry: () => [
    'ERROR TLS handshake with upstream failed: certificate has expired',
    'ERROR x509: certificate has expired or is not yet valid',
    'WARN  retrying upstream connection (attempt 3/3)',
  ],
  disk_full: (rng) => [
    `WARN  disk usage on /var/data at ${rng.int(95, 98)}%`,
    'ERROR write failed: No space left on device',
    'ERROR flushing write-ahead log failed: ENOSPC',
  ],
  dns_failure: (rng) => [
    `ERROR getaddrinfo ENOTFOUND ${rng.pick(['ledger.internal', 'vault.internal', 'fx-rates.internal'])}`,
    'ERROR name resolution failed for upstream, using no fallback',
    'WARN  circuit breaker opened for upstream after 20 failures',
  ],
  config_error: (rng) => [
    `INFO  reloaded configuration from config-server (revision ${rng.int(300, 999)})`,
    'ERROR invalid value for MAX_BATCH_SIZE: "-1"; refusing to start workers',
    'ERROR worker pool has 0 workers; queue depth growing',
  ],
  dependency_rate_limit: (rng) => [
    `WARN  ${rng.pick(['Stripe', 'Adyen', 'Twilio', 'SendGrid'])} API returned 429 Too Many Requests`,
    'ERROR upstream quota exhausted; requests rejected until reset',
    'WARN  backing off for 60s after repeated 429s',
  ],
};

const SYMPTOMS = [
  (up: string) => `ERROR upstream ${up} timed out after 5000ms`,
  (up: string) => `ERROR 503 from ${up}: service unavailable`,
  (up: string) => `WARN  p99 latency 8.2s on calls to ${up}`,
  (up: string) => `ERROR request failed: ${up} returned 500`,
  (up: string) => `WARN  retry budget exhausted for ${up}`,
];

const ROUTINE = [
  'INFO  health check ok',
  'INFO  processed 1,204 requests in the last minute',
  'INFO  cache hit ratio 0.93',
  'DEBUG config value FEATURE_NEW_CART=false',
  'INFO  scheduled job completed in 412ms',
  'INFO  autoscaler: 4 replicas, target 4',
];

const UNRELATED = [
  'ERROR failed to send weekly digest email to 3 recipients (bounced)',
  'WARN  slow query on reports_monthly took 4.1s',
  'ERROR job export-csv failed: report template missing column "region"',
  'WARN  deprecated API version v1 called by client mobile-ios-5.2',
];

const INCIDENTS = [
  'Checkout error rate above 5% for 10 minutes',
  'Customers report failed orders and slow pages',
  'PagerDuty: elevated 5xx on the public API',
  'Spike in abandoned baskets; payment errors reported',
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

export const generate: Generate<Input, Expected> = (rng) => {
  const services = rng.sample(SERVICES, rng.int(6, 9));
  const root = services[0]!;
  const failure = rng.pick(Object.keys(FAILURES) as FailureType[]);
  const downstream = services.slice(1, 1 + rng.int(2, 3));
  const others = services.slice(1 + downstream.length);
  const start = rng.int(8, 20) * 3600 + rng.int(0, 3599);
  const onset = start + rng.int(240, 600);
  const end = onset + rng.int(420, 900);
  const events: Event[] = [];
  const routine = (service: string, from: number, to: number, n: number) => {
    for (let i = 0; i < n; i++)
      events.push({ t: rng.int(from, to), service, text: rng.pick(ROUTINE), causal: false });
  };
  // The root cause: routine lines, then the failure from `onset`, in order.
  routine(root, start, onset - 5, rng.int(2, 4));
  let t = onset;
  for (const text of FAILURES[failure](rng)) {
    events.push({ t, service: root, text, causal: true });
    t += rng.int(20, 90);
  }
  routine(root, t, end, rng.int(0, 2));
  // Symptoms: dependants start failing after the root cause did, some of them via another dependant.
  downstream.forEach((service, i) => {
    const upstream = i > 0 && rng.chance(0.4) ? downstream[i - 1]! : root;
    routine(service, start, onset, rng.int(1, 3));
    let s = onset + rng.int(30, 150);
    for (let k = rng.int(2, 4); k > 0; k--) {
      events.push({ t: s, service, text: rng.pick(SYMPTOMS)(upstream), causal: false });
      s += rng.int(15, 120);
    }
  });
  // Bystanders: routine lines, and sometimes an unrelated error, possibly before the incident.
  for (const service of others) {
    routine(service, start, end, rng.int(2, 4));
    if (rng.chance(0.5))
      events.push({ t: rng.int(start, end), service, text: rng.pick(UNRELATED), causal: false });
  }
  events.sort((a, b) => a.t - b.t || a.service.localeCompare(b.service));
  const ids = events.map((_, i) => `e${String(i + 1).padStart(3, '0')}`);
  const lineOf = (e: Event, i: number) => `${ids[i]} ${stamp(e.t)} ${e.text}`;
  const order = rng.shuffle(services);
  const logs: ServiceLog[] = order.map((service) => ({
    service,
    lines: events
      .map((e, i) => (e.service === service ? lineOf(e, i) : ''))
      .filter(Boolean)
      .map((line) => `[${service}] ${line}`)
      .join('\n'),
  }));
  const firstCausal = ids[events.findIndex((e) => e.causal)]!;
  const facts = logs.map((log) => ({
    id: log.service,
    text: log.lines,
    answers:
      log.service === root
        ? { role: 'root_cause', failure_type: failure, first_event: firstCausal }
        : { role: downstream.includes(log.service) ? 'downstream' : 'unaffected' },
  }));
  return {
    input: { incident: rng.pick(INCIDENTS), logs },
    expected: { root_cause_service: root, failure_type: failure, first_causal_event: firstCausal },
    facts,
  };
};
