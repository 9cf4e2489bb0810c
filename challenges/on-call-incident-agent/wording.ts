/**
 * How the estate writes: the log messages of each kind of fault, the notes on the metric
 * dashboards, routine and unrelated lines, and how an alert pages. Each export is a list of
 * families (one family = one way of writing it); generator.ts lets the case set choose.
 */

/** What a frame may use; the generator fills every slot for every message. */
export interface Slots {
  /** An endpoint of the service, e.g. `/v2/quote`. */
  ep: string;
  version: string;
  previous: string;
  pct: number;
  err: string;
  exc: string;
  /** The upstream the message is about (a managed dependency or a service of ours). */
  up: string;
  ms: number;
  n: number;
  m: number;
  queue: number;
  workers: number;
  factor: string;
  cpu: number;
  cfg: string;
  key: string;
  from: string;
  to: string;
  flag: string;
  who: string;
  zone: string;
  feed: string;
  field: string;
  table: string;
  batch: string;
  topic: string;
  offset: number;
  clock: string;
  migration: string;
  replicas: number;
  host: string;
}
export type Frame = (s: Slots) => string;

/** A new build of the service broke it. */
export const DEPLOY: readonly Frame[] = [
  (s) => `rolled out release ${s.version}; since then ${s.pct}% of ${s.ep} calls end in ${s.err}`,
  (s) => `now serving build ${s.version} on all pods; ${s.ep} answering ${s.err} for ${s.pct}% of requests`,
  (s) => `deploy of ${s.version} complete; the new code path throws ${s.exc} on ${s.ep}`,
  (s) => `image ${s.version} went live at ${s.clock}; handler for ${s.ep} crashing with ${s.exc}`,
  (s) => `canary skipped, ${s.version} promoted straight to 100%; ${s.exc} in ${s.ep} ever since`,
  (s) => `upgraded from ${s.previous} to ${s.version} (new serializer); ${s.ep} responses fail with ${s.err}`,
  (s) => `hotfix ${s.version} shipped by CI at ${s.clock}; every request to ${s.ep} now dies with ${s.exc}`,
  (s) => `pods restarted onto artefact ${s.version}; ${s.pct}% of ${s.ep} traffic erroring (${s.err})`,
  (s) => `release train ${s.version} landed; regression: ${s.ep} raises ${s.exc}`,
];

/** Added to a deploy that cannot be rolled back (the action is escalate). */
export const ONE_WAY: readonly Frame[] = [
  (s) => `; the release ran migration ${s.migration}, which dropped a column of ${s.table} (no down step)`,
  (s) => `. Note: ${s.migration} rewrote ${s.table} in place and the old build cannot read it`,
  (s) => ` (schema change ${s.migration} on ${s.table} is irreversible)`,
  (s) => `; data in ${s.table} already converted by ${s.migration}, previous build incompatible`,
  (s) => `, and migration ${s.migration} removed the legacy ${s.table} layout for good`,
];

/** Added to a deploy that can be rolled back: sounds like it might matter, and does not. */
export const TWO_WAY: readonly Frame[] = [
  (s) => `; migration ${s.migration} on ${s.table} is additive only`,
  (s) => ` (previous build ${s.previous} still cached on the nodes)`,
  () => `; no schema changes in this release`,
  (s) => `. Migration ${s.migration} only added an index to ${s.table}`,
  (s) => `, ${s.previous} kept as the fallback artefact`,
];

/** A change of settings with the same code. */
export const CONFIG: readonly Frame[] = [
  (s) => `applied config ${s.cfg}: ${s.key} changed ${s.from} -> ${s.to}; ${s.ep} now failing with ${s.err}`,
  (s) => `feature flag ${s.flag} switched on by ${s.who}; ${s.ep} errors at ${s.pct}%`,
  (s) => `reloaded settings (same build ${s.previous}): ${s.key}=${s.to}; requests to ${s.ep} rejected`,
  (s) => `deployed config bundle ${s.cfg} (no code change); ${s.key} now ${s.to} and ${s.ep} timing out`,
  (s) => `env ${s.key.toUpperCase()} set to ${s.to} on restart; ${s.ep} refusing work`,
  (s) => `limits retuned by ${s.who}: ${s.key} ${s.from} to ${s.to}; ${s.pct}% of ${s.ep} throttled`,
  (s) => `runtime override pushed (${s.flag}=true); same binary ${s.previous}, ${s.ep} returning ${s.err}`,
  (s) => `configmap ${s.cfg} rolled to the pods, ${s.key} is ${s.to} now; ${s.ep} broken since`,
  (s) => `toggled ${s.flag} for all tenants at ${s.clock}; ${s.ep} fails ${s.pct}% of calls`,
];

/** More load than the instances can take. */
export const CAPACITY: readonly Frame[] = [
  (s) => `all ${s.workers} workers busy, ${s.queue} requests queued; shedding load on ${s.ep}`,
  (s) => `traffic at ${s.factor}x normal; thread pool exhausted, ${s.ep} p99 ${s.ms} ms`,
  (s) => `CPU pinned at ${s.cpu}% on every replica; ${s.ep} queue depth ${s.queue}`,
  (s) => `rejecting requests: concurrency limit ${s.workers} reached under ${s.factor}x load`,
  (s) => `event loop lag ${s.ms} ms under peak traffic; ${s.ep} backlog ${s.queue}`,
  (s) => `autoscaler behind: ${s.replicas} replicas for ${s.factor}x the usual request rate`,
  (s) => `${s.replicas} pods saturated by the campaign surge; ${s.ep} requests wait ${s.ms} ms for a worker`,
  (s) => `load ${s.factor} times the forecast, every instance at ${s.cpu}% CPU, ${s.ep} shedding`,
  (s) => `request rate far above plan (${s.factor}x); connection backlog ${s.queue} on ${s.ep}`,
];

/**
 * The service cannot get answers from an upstream. Whether the upstream itself is sick (a
 * dependency cause) or healthy and unreachable (a network cause) is on its dashboard, not here.
 */
export const UPSTREAM: readonly Frame[] = [
  (s) => `calls to ${s.up} timing out after ${s.ms} ms; ${s.ep} failing`,
  (s) => `${s.up} answered ${s.n} of the last ${s.m} requests with errors; ${s.ep} degraded`,
  (s) => `waiting on ${s.up}: ${s.ep} requests stuck for ${s.ms} ms`,
  (s) => `circuit breaker for ${s.up} opened; ${s.ep} serving errors`,
  (s) => `no usable reply from ${s.up} after ${s.n} retries; ${s.ep} giving up`,
  (s) => `${s.up} unreachable or too slow (${s.ms} ms budget blown); ${s.ep} returns ${s.err}`,
  (s) => `requests to ${s.up} piling up, ${s.n} in flight; ${s.ep} timing out`,
  (s) => `lost responses from ${s.up}; ${s.ep} fails with ${s.err}`,
  (s) => `${s.up} client: ${s.n} timeouts in 60 s, ${s.ep} unavailable`,
];

/** Bad input data breaks processing. */
export const DATA: readonly Frame[] = [
  (s) => `rejected ${s.n} records from the ${s.feed}: ${s.field} is empty`,
  (s) => `poison message on ${s.topic} at offset ${s.offset}: cannot decode ${s.field}; consumer stalled`,
  (s) => `import ${s.batch} aborted: ${s.n} rows with a negative ${s.field}`,
  (s) => `row in ${s.table} has ${s.field}=NULL; ${s.ep} throws for every request touching it`,
  (s) => `unexpected ${s.field} value '??' in ${s.feed} batch ${s.batch}; processing halted`,
  (s) => `duplicate keys in ${s.feed} drop ${s.batch}: ${s.n} collisions, writes refused`,
  (s) => `${s.n} malformed ${s.field} values arrived via ${s.topic}; ${s.ep} crashing on them`,
  (s) => `upstream sent ${s.field} in the wrong unit in ${s.batch}; ${s.n} ${s.table} rows failed validation`,
  (s) =>
    `corrupt payload in ${s.table} (bad ${s.field}) blocks ${s.ep}; ${s.n} retries failed on the same row`,
];

/** The dashboard note of an upstream that is sick and has a healthy standby. */
export const SICK_WITH_STANDBY: readonly Frame[] = [
  (s) =>
    `primary CPU ${s.cpu}% and read p99 ${s.ms} ms since ${s.clock}; replica in ${s.zone} healthy and in sync`,
  (s) => `error rate ${s.pct}% on the primary since ${s.clock}; the secondary region is green and ready`,
  (s) =>
    `provider status: degraded since ${s.clock}; our fallback account with a second provider is active and healthy`,
  (s) => `node in ${s.zone} failing health checks from ${s.clock}, p99 ${s.ms} ms; hot standby up to date`,
  (s) =>
    `throughput collapsed at ${s.clock} (${s.pct}% of requests erroring); warm spare cluster passes checks`,
  (s) =>
    `latency ${s.ms} ms and climbing since ${s.clock}; standby endpoint in ${s.zone} verified healthy at ${s.clock}`,
  (s) => `${s.pct}% failed operations since ${s.clock}; a replicated twin in ${s.zone} is serving reads fine`,
];

/** The dashboard note of an upstream that is sick with nothing to fail over to. */
export const SICK_ALONE: readonly Frame[] = [
  (s) => `disk IO saturated, queries p99 ${s.ms} ms since ${s.clock}; single node, no replica`,
  (s) => `provider reports partial outage since ${s.clock}; no secondary provider configured`,
  (s) => `error rate ${s.pct}% since ${s.clock}; the standby is being rebuilt and cannot take traffic`,
  (s) => `connections refused since ${s.clock} (${s.pct}% of attempts); replica lags hours behind, unusable`,
  (s) => `p99 ${s.ms} ms since ${s.clock}; there is only the one cluster`,
  (s) => `quota exhausted at ${s.clock}, ${s.pct}% throttled; no alternative account exists`,
  (s) => `degraded from ${s.clock}, ${s.ms} ms p99; failover target decommissioned last quarter`,
];

/** The dashboard note of an upstream that is fine: its callers' trouble is on the way to it. */
export const HEALTHY: readonly Frame[] = [
  (s) => `healthy all window: p99 ${s.ms} ms, 0.0% server-side errors, connections steady`,
  () => `no anomaly: request rate normal, no errors on the server side`,
  (s) => `server side green; requests from ${s.zone} stopped arriving at ${s.clock}`,
  (s) => `all checks passing, p99 ${s.ms} ms; inbound traffic from ${s.zone} dropped at ${s.clock}`,
  (s) =>
    `nominal: CPU ${s.cpu}%, latency ${s.ms} ms, error-free; fewer connections than usual since ${s.clock}`,
  (s) => `serving normally, ${s.ms} ms p99; its own probes see no failures`,
  (s) => `steady and error-free; packet captures show SYNs from ${s.zone} never arriving after ${s.clock}`,
];

/** The note of a dashboard nobody's alert is about. */
export const ROUTINE_NOTE: readonly Frame[] = [
  () => 'steady; nothing to note',
  (s) => `CPU peaked at ${s.cpu}% at ${s.clock} during the batch window, then recovered`,
  (s) => `nightly backup ran until ${s.clock}; latency normal`,
  (s) => `brief error blip (${s.pct}%) at ${s.clock}, resolved by itself within a minute`,
  (s) => `memory steady; p99 ${s.ms} ms`,
  (s) => `capacity review due; peak CPU ${s.cpu}% this week`,
  (s) => `one ${s.zone} node replaced at ${s.clock} by routine maintenance, no impact`,
];

/** Routine lines of any service. */
export const ROUTINE: readonly Frame[] = [
  (s) => `GET ${s.ep} 200 in ${s.n} ms`,
  (s) => `POST ${s.ep} 201 in ${s.n} ms`,
  () => 'health check ok',
  (s) => `gc pause ${s.n} ms (young)`,
  (s) => `cache hit ratio 0.9${s.n % 10} over the last 60 s`,
  (s) => `consumer lag 0 on ${s.topic}`,
  (s) => `scheduled job sync-${s.n % 7} finished in ${s.n / 10} s`,
  (s) => `pool stats: ${s.n % 40} active, ${s.m % 30} idle`,
  (s) => `served ${s.m} requests in the last minute`,
  (s) => `GET ${s.ep} 304 in ${s.n} ms`,
];

/** Errors that have nothing to do with any alert. */
export const UNRELATED: readonly Frame[] = [
  () => 'failed to ship log batch to the collector; will retry',
  () => 'statsd flush failed: buffer full, dropping samples',
  (s) => `client closed the connection early (499) on ${s.ep}`,
  () => 'could not refresh feature flags; using the cached copy',
  (s) => `TLS certificate for ${s.host} expires in ${(s.n % 25) + 5} days`,
  (s) => `slow query ${s.ms} ms on ${s.table}`,
  (s) => `retrying publish to ${s.topic} (attempt 2), succeeded`,
  (s) => `tracing exporter timed out sending spans to ${s.host}`,
  (s) => `invalid bearer token from a client on ${s.ep} (401)`,
];

/** Changes that went fine: the deploys and reloads that did not cause anything. */
export const HARMLESS_CHANGE: readonly Frame[] = [
  (s) => `rolled out release ${s.version}; error rate flat, canary clean`,
  (s) => `build ${s.version} live on all pods; no change in latency or errors`,
  (s) => `deploy of ${s.version} finished, health checks green`,
  (s) => `config ${s.cfg} reloaded; ${s.key} unchanged, no effective difference`,
  (s) => `feature flag ${s.flag} enabled for 1% of staff accounts; metrics unchanged`,
  (s) => `upgraded from ${s.previous} to ${s.version}; smoke tests passed, traffic normal`,
];

/** What the alerting service logs while its upstream is failing: loud, and not the cause. */
export const SYMPTOM_LINE: readonly Frame[] = [
  (s) => `${s.err} on ${s.ep} (${s.pct}% of requests in the last minute)`,
  (s) => `request to ${s.ep} failed after ${s.ms} ms`,
  (s) => `error budget burning: ${s.ep} success rate down to ${100 - s.pct}%`,
  (s) => `upstream error while handling ${s.ep}: ${s.err}`,
];

/** The symptom the pager names. */
export const SYMPTOMS: readonly Frame[] = [
  (s) => `p99 latency ${s.ms} ms over the 1500 ms objective`,
  (s) => `5xx ratio at ${s.pct}%`,
  (s) => `error budget burn rate ${s.factor}x`,
  (s) => `health checks failing on ${(s.n % 5) + 2} of ${(s.n % 5) + 6} pods`,
  (s) => `success rate of ${s.ep} down to ${100 - s.pct}%`,
  (s) => `synthetic probe on ${s.ep} failing`,
  (s) => `checkout funnel conversion down ${s.pct}% vs last week, requests through ${s.ep} erroring`,
];

/** How the pager words an alert about service `svc` with a symptom. */
export const ALERTS: readonly ((svc: string, symptom: string, s: Slots) => string)[] = [
  (svc, symptom) => `[SEV2] ${svc}: ${symptom}`,
  (svc, symptom, s) => `${svc} is unhealthy since about ${s.clock}: ${symptom}.`,
  (svc, symptom) => `FIRING ${svc}-slo-breach (${symptom})`,
  (svc, symptom) => `Customers complaining; ${svc} shows ${symptom}. Please look.`,
  (svc, symptom, s) => `Page from the ${svc} on-call rota: ${symptom}, started near ${s.clock}`,
  (svc, symptom) => `Alert for service ${svc} - ${symptom} - urgency high`,
  (svc, symptom, s) => `${symptom} on ${svc}; first noticed ${s.clock} by the support desk`,
];

/** A bystander the alert mentions (a change that did not cause it). */
export const ASIDES: readonly ((other: string, s: Slots) => string)[] = [
  (other, s) => ` (${other} deployed at ${s.clock}, maybe related?)`,
  (other, s) => ` FYI ${other} had a change go out at ${s.clock}.`,
  (other) => ` Someone mentioned ${other} was released tonight.`,
  (other, s) => ` Note ${other} rolled a new version at ${s.clock}.`,
];
